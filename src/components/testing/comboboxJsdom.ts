/**
 * What @grafana/ui's Combobox needs from a browser that jsdom lacks: a canvas to measure text,
 * and observers of its anchor's size and visibility. Call in a test file's beforeAll.
 */
export function installComboboxJsdomShims(): void {
  Object.defineProperty(HTMLCanvasElement.prototype, 'getContext', {
    configurable: true,
    value: () => ({ measureText: (text: string) => ({ width: text.length * 8 }), font: '' }),
  });
  const observer = class {
    observe() {}
    unobserve() {}
    disconnect() {}
    takeRecords() {
      return [];
    }
  };
  global.ResizeObserver = observer as unknown as typeof ResizeObserver;
  global.IntersectionObserver = observer as unknown as typeof IntersectionObserver;
}
