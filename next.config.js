/**
 * Headers for every response. Pages get their Content-Security-Policy from proxy.ts,
 * with a nonce per response; the policy here covers the API and its reference page
 * (/api/docs), whose scripts are all files. Inline styles stay allowed because Swagger
 * UI positions its elements with style attributes.
 */
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

const apiContentSecurityPolicy = {
  key: "Content-Security-Policy",
  value:
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
};

/** @type {import('next').NextConfig} */
const nextConfig = {
  output: "standalone",
  poweredByHeader: false,
  // `npm test` type-checks the whole tree (route types included, from `next typegen`)
  // before it builds for the end-to-end tests, so that build skips checking the same
  // files again. Every other build, the image's included, still checks.
  typescript: { ignoreBuildErrors: process.env.BUILD_SKIP_TYPECHECK === "1" },
  // The identity provider looks up its settings by class name (ttl[this.name]), which the
  // server bundle's minifier renames: it is loaded from node_modules as published instead.
  serverExternalPackages: ["oidc-provider"],
  // The API reference at /api/docs serves swagger-ui-dist's files, which no import reaches.
  outputFileTracingIncludes: {
    "/api/docs/[asset]": ["./node_modules/swagger-ui-dist/swagger-ui.css", "./node_modules/swagger-ui-dist/swagger-ui-bundle.js"],
  },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      { source: "/api/:path*", headers: [apiContentSecurityPolicy] },
    ];
  },
};

export default nextConfig;
