/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WebAssembly and data files from its package directory at run time; the
  // phrase engine's 3.8 MB language model is loaded from node_modules rather than bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "wink-nlp", "wink-eng-lite-web-model"],
  poweredByHeader: false,
  // Lets two builds share a checkout (a developer's and a helper's): NEXT_DIST_DIR=.next-other.
  distDir: process.env.NEXT_DIST_DIR || ".next",
};

export default nextConfig;
