// What this deployment offers on the sign-in pages (GET /api/auth/options): e-mail recovery or
// "ask the owner", and sign-in by SMS code. The same for everyone: nothing about one person.
import { useResource } from "../../api/use-resource";

export interface SignInOptions {
  passwordRecovery: "email" | "ask_owner";
  smsSignIn: boolean;
}

export const useSignInOptions = () => useResource<SignInOptions>("/api/auth/options");
