export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

/** A Swedish reason why a new password is not accepted, or null when it is fine. */
export function passwordProblem(password: string, repeat?: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return `Lösenordet behöver minst ${MIN_PASSWORD_LENGTH} tecken. En fras av flera ord är lätt att minnas.`;
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    return `Lösenordet får vara högst ${MAX_PASSWORD_LENGTH} tecken.`;
  }
  if (repeat !== undefined && repeat !== password) return "Lösenorden är inte likadana.";
  return null;
}
