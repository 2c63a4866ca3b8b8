/**
 * The pixel width of an element, kept current with a ResizeObserver. Charts draw in real
 * pixels at that width, so their text stays 12 px on a phone-sized card and on a wide screen
 * alike, instead of scaling with the card as a fixed viewBox would.
 */
import { useLayoutEffect, useRef, useState } from 'react';
import type { RefObject } from 'react';

/** A ref to attach and the element's current content width (0 until measured). */
export function useWidth<T extends HTMLElement>(): [RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(el.clientWidth);
    const observer = new ResizeObserver((entries) => {
      const w = entries[0]?.contentRect.width;
      // Whole pixels: sub-pixel changes would redraw the chart for nothing.
      if (w !== undefined) setWidth(Math.floor(w));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}
