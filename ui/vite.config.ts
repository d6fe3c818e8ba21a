import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";

// The app runs under a strict CSP (script-src 'self'; style-src 'self'):
// everything must be emitted as external files, never inlined.
export default defineConfig({
  plugins: [react()],
  clearScreen: false,
  server: { port: 1420, strictPort: true },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    assetsInlineLimit: 0,
    cssCodeSplit: false,
    modulePreload: { polyfill: false },
    target: ["es2022", "safari16"],
  },
  test: {
    environment: "jsdom",
    setupFiles: ["./src/test/setup.ts"],
    include: ["src/**/*.test.{ts,tsx}"],
    css: false,
    mockReset: true,
  },
});
