import { redirect } from "next/navigation";
import { getSessionActor } from "@/lib/session/auth";

export default async function Home() {
  redirect((await getSessionActor()) ? "/admin" : "/sign-in");
}
