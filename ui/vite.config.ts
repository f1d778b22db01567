import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';

// Tauri serves the dev server on a fixed port (devUrl in tauri.conf.json) and
// loads the built files from ui/dist with relative paths.
export default defineConfig(({ mode }) => ({
  plugins: [svelte(), svelteTesting()],
  base: './',
  clearScreen: false,
  // Tauri exposes platform details to the front end as TAURI_ENV_* variables.
  envPrefix: ['VITE_', 'TAURI_ENV_'],
  server: {
    port: 1420,
    strictPort: true,
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
  // Component tests need Svelte's browser build, not its server build.
  resolve: mode === 'test' ? { conditions: ['browser'] } : undefined,
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.ts'],
    setupFiles: ['src/test/setup.ts'],
  },
}));
