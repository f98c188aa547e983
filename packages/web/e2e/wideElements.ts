/**
 * Elements that stick out of the viewport sideways (the page would scroll horizontally), outermost first, as
 * `tag.class (right px > width px)`: what a phone-width check expects to be empty. Content inside a box that
 * scrolls on purpose (`scrollingBoxes`, a selector such as the plan's chart) does not widen the page.
 */
import type { Page } from 'playwright-core';

export function wideElements(page: Page, scrollingBoxes: string | null = null): Promise<string[]> {
  return page.evaluate((scrolling) => {
    const width = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll('body *')].filter(
      (element) =>
        element.getBoundingClientRect().right > width + 1 && !(scrolling !== null && element.closest(scrolling)),
    );
    return wide
      .filter((element) => !wide.some((other) => other !== element && other.contains(element)))
      .map(
        (element) =>
          `${element.tagName.toLowerCase()}.${element.className} (${Math.round(element.getBoundingClientRect().right)}px > ${width}px)`,
      );
  }, scrollingBoxes);
}
