// Jest setup provided by Grafana scaffolding; it patches browser globals, so only the
// jsdom tests load it (pure-logic tests declare `@jest-environment node`).
if (typeof window !== 'undefined') {
  require('./.config/jest-setup');
}
