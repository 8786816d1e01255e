import path from "node:path";

// The repository's root: modules (next, react, pg) resolve from its node_modules, and the
// standalone build traces them from there, so no install of its own is needed.
const root = path.resolve(import.meta.dirname, "../..");

/** The Next.js floor: the same framework version and build as the app, with nothing of ours. */
const nextConfig = {
  output: "standalone",
  poweredByHeader: false,
  outputFileTracingRoot: root,
  turbopack: { root },
};

export default nextConfig;
