// Auth.js endpoints: sign-in callbacks, sign-out, CSRF token, session.
export { GET, POST } from "@/lib/session/handlers";
