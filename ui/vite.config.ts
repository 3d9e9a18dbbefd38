import { defineConfig } from "vite";

// The app is served from the embedded dist folder by Tauri; no dev server is needed to build it.
export default defineConfig({
  clearScreen: false,
  build: { target: "safari15", outDir: "dist", emptyOutDir: true },
  test: { environment: "jsdom" },
} as any);
