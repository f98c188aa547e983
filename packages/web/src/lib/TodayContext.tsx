/** Today's date for the pages; tests pin it, the browser uses the local calendar date. */
import { createContext, type JSX, useContext } from 'solid-js';
import { todayIso } from './today.ts';

const TodayContext = createContext<string>();

export function TodayProvider(props: { today: string; children: JSX.Element }): JSX.Element {
  return <TodayContext.Provider value={props.today}>{props.children}</TodayContext.Provider>;
}

export function useToday(): string {
  return useContext(TodayContext) ?? todayIso();
}
