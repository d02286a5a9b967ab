// Jest setup provided by Grafana scaffolding; it patches browser globals, so only the
// jsdom tests load it (pure-logic tests declare `@jest-environment node`).
if (typeof window !== 'undefined') {
  require('./.config/jest-setup');
  // scenes' lazy panel loader observes visibility; jsdom has no IntersectionObserver: everything is visible
  if (!window.IntersectionObserver) {
    window.IntersectionObserver = class {
      constructor(callback) {
        this.callback = callback;
      }
      observe(target) {
        this.callback([{ target, isIntersecting: true, intersectionRatio: 1 }], this);
      }
      unobserve() {}
      disconnect() {}
      takeRecords() {
        return [];
      }
    };
  }
}
