/** The SSO pages' Swedish texts, naming the configured provider (never a hard-coded one). */
export function ssoMessages(label: string) {
  return {
    unreachable: `Inloggning via ${label} går inte att nå just nu. Försök igen om en stund, eller logga in med lösenord.`,
    misconfigured: `Inloggning via ${label} är felaktigt inställd i Genomförd. Kontakta administratören (orsaken står i serverns logg och på /healthz).`,
    aborted: `Inloggningen via ${label} avbröts eller tog för lång tid. Försök igen.`,
    unverifiable: `Inloggningen via ${label} kunde inte bekräftas. Försök igen.`,
    noEmail: `${label} skickade ingen e-postadress för ditt konto, så Genomförd kan inte avgöra vem du är. Be en administratör se till att ${label} lämnar ut e-postadressen.`,
    unverified: (email: string) =>
      `${label} har inte bekräftat e-postadressen ${email}. Bekräfta adressen hos ${label} och försök igen.`,
    noAccount: (email: string) =>
      `Det finns inget aktivt konto i Genomförd för ${email}. Be en administratör att lägga upp dig.`,
    otherLogin: (email: string) =>
      `Kontot för ${email} i Genomförd är kopplat till en annan inloggning hos ${label}. Be en administratör att koppla bort den gamla inloggningen ("Koppla bort inloggningskonto").`,
    loggedOut: `Du är utloggad från Genomförd, men fortfarande inloggad hos ${label}: nästa inloggning via ${label} sker utan att du anger lösenord.`,
    logoutAtProvider: `Logga ut från ${label} också`,
  };
}
