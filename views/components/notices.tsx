/** The error/confirmation messages a page shows above its content (alert vs status for screen readers). */
export function Notices({ error, notice }: { error?: string | null; notice?: string | null }) {
  return (
    <>
      {error ? (
        <p class="notice error" role="alert">
          {error}
        </p>
      ) : null}
      {notice ? (
        <p class="notice ok" role="status">
          {notice}
        </p>
      ) : null}
    </>
  );
}
