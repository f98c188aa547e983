import { configure } from '@solidjs/testing-library';

// jsdom does not implement scrolling; the router scrolls to the top on navigation.
window.scrollTo = () => {};

// findBy*/waitFor give up after 1 s by default; on a loaded shared machine a render with a fetch can take longer.
// A timeout is not where speed is checked (that is `pnpm bench`), so wait long enough to see the real outcome.
configure({ asyncUtilTimeout: 10_000 });
