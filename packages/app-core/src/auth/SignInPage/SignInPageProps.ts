/** What the app gives its sign-in page (the default one or `components.SignInPage`). */
export interface SignInPageProps {
  /** Signs in with a provider id as `/api/auth/providers` lists it; rejects with a readable error. */
  signIn(providerId: string): Promise<void>;
}
