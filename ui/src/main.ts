import { mount } from 'svelte';
import { isTauri } from '@tauri-apps/api/core';
import App from './App.svelte';
import './app.css';

async function start() {
  // In a plain browser (`npm run dev` without Tauri) there is no shell to
  // answer commands; answer them from the in-memory fake so screens can be
  // worked on. This branch is dropped from production builds.
  if (import.meta.env.DEV && !isTauri()) {
    const { installBrowserPreview } = await import('./lib/browserPreview');
    installBrowserPreview();
  }
  mount(App, { target: document.getElementById('app')! });
}

void start();
