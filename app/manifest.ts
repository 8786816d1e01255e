import type { MetadataRoute } from "next";

/** Lets a browser install the console with its name and icon (served as /manifest.webmanifest). */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Usermanager",
    short_name: "Usermanager",
    description: "Users, organizations, roles and audit in one place.",
    start_url: "/admin",
    display: "standalone",
    background_color: "#ffffff",
    theme_color: "#4f46e5",
    icons: [
      { src: "/favicon.svg", type: "image/svg+xml", sizes: "any" },
      { src: "/apple-touch-icon.png", type: "image/png", sizes: "180x180" },
      { src: "/icon-512.png", type: "image/png", sizes: "512x512" },
    ],
  };
}
