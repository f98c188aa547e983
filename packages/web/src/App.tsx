/**
 * The app's routes. Only the plan builder is in the first page's bundle; the exam and reviewer pages load
 * when visited.
 */
import { A, Route, Router, type RouteSectionProps } from '@solidjs/router';
import { type JSX, lazy } from 'solid-js';
import { PlanPage } from './pages/PlanPage.tsx';

const ExamPage = lazy(() => import('./pages/ExamPage.tsx').then((m) => ({ default: m.ExamPage })));
const ComparePage = lazy(() => import('./pages/ComparePage.tsx').then((m) => ({ default: m.ComparePage })));
const ConflictsPage = lazy(() => import('./pages/ConflictsPage.tsx').then((m) => ({ default: m.ConflictsPage })));

export function Layout(props: RouteSectionProps): JSX.Element {
  return (
    <>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="site-header no-print">
        <A href="/" class="brand" end>
          certplan
        </A>
        <nav aria-label="Main">
          <ul>
            <li>
              <A href="/" end>
                Plan
              </A>
            </li>
            <li>
              <A href="/compare">Compare exams</A>
            </li>
            <li>
              <A href="/review">Review conflicts</A>
            </li>
          </ul>
        </nav>
      </header>
      <main id="main" tabindex="-1">
        {props.children}
      </main>
      <footer class="site-footer no-print">
        <p>Every number links to the sentence it came from. Sources may disagree; the review page shows where.</p>
      </footer>
    </>
  );
}

function NotFound(): JSX.Element {
  return (
    <>
      <h1>Page not found</h1>
      <p>
        <A href="/">Back to the plan builder</A>
      </p>
    </>
  );
}

/** The route table, apart from the router so tests can mount it in a MemoryRouter. */
export function AppRoutes(): JSX.Element {
  return (
    <>
      <Route path="/" component={PlanPage} />
      <Route path="/exams/:id" component={ExamPage} />
      <Route path="/compare" component={ComparePage} />
      <Route path="/review" component={ConflictsPage} />
      <Route path="*404" component={NotFound} />
    </>
  );
}

export function App(): JSX.Element {
  return (
    <Router root={Layout}>
      <AppRoutes />
    </Router>
  );
}
