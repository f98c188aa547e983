/**
 * A plan as an RFC 5545 calendar (ical-generator): one timed event per study session on its day at the
 * learner's local time (with the time zone's VTIMEZONE, or floating local time when the plan has no zone),
 * a reminder to book the exam, the exam day and, where validity is known, when recertification opens.
 *
 * UIDs are the plan's identity (its inputs, not its progress) plus the session's id (its kind, domain and
 * place in that domain's hours), so exporting the same plan twice gives the same UIDs, and a re-plan moves
 * the events it keeps instead of duplicating them in a calendar that imported or subscribed to the last one.
 */
import { formatClaimValue } from '@certplan/core';
import ical, { ICalAlarmType, ICalCalendarMethod } from 'ical-generator';
import type { PlannerIndex } from './ExamPlannerData.ts';
import { addDays, addMonths } from './lib/dates.ts';
import { minutesOfDay, timeOfDay } from './lib/studyDays.ts';
import type { Plan, PlanSession } from './schema.ts';

export interface PlanIcsOptions {
  examName: string;
  /** The fee as the sources state it; `approximate` and `plusTax` are said in words, as the exam card does. */
  fee?: { amount: number; currency: string; approximate?: boolean; plusTax?: boolean } | null;
  durationMinutes?: number | null;
  validityMonths?: number | null;
  recertificationDaysBeforeExpiry?: number | null;
  /** 'session' (default): one timed event per session; 'week': one all-day event per study week. */
  granularity?: 'week' | 'session';
  /** DTSTAMP as YYYY-MM-DD (pass `today`); defaults to the plan's start date so output is byte-stable. */
  stamp?: string;
  /**
   * The VTIMEZONE component for an IANA zone (e.g. @touch4it/ical-timezones' getVtimezoneComponent), or
   * null when unknown. Passed in so the planner stays free of I/O. Without one, times are floating local.
   */
  vtimezone?: ((timeZone: string) => string | null) | null;
  /** Where the calendar can be fetched again (the webcal feed's https form), written as SOURCE and URL. */
  feedUrl?: string | null;
}

/** When no source says how early recertification opens: the planner's assumption, said so in the event. */
const DEFAULT_RECERT_LEAD_DAYS = 90;
/** Calendar apps that honour it refetch a subscribed feed daily (RFC 7986 REFRESH-INTERVAL). */
const FEED_REFRESH_SECONDS = 86_400;

/** Calendar options for an exam from the prepared claims (name, fee, length, validity, recertification). */
export function icsOptionsFor(index: PlannerIndex, examId: string): PlanIcsOptions {
  const data = index.exams.get(examId);
  if (!data) return { examName: examId };
  return {
    examName: data.exam.name,
    fee: data.fee
      ? {
          amount: data.fee.value.amount,
          currency: data.fee.value.currency,
          ...(data.fee.value.approximate ? { approximate: true } : {}),
          ...(data.fee.value.plusTax ? { plusTax: true } : {}),
        }
      : null,
    durationMinutes: data.duration?.value.minutes ?? null,
    validityMonths: data.validity?.value.months ?? null,
    recertificationDaysBeforeExpiry: data.recertification?.value.daysBeforeExpiry ?? null,
  };
}

function utcDate(date: string): Date {
  return new Date(`${date}T00:00:00.000Z`);
}

/**
 * RFC 5545 §3.3.11 TEXT: backslash, semicolon and comma are escaped, a line break is written as \n.
 * ical-generator escapes event properties itself but writes the calendar's NAME / X-WR-CALNAME as given,
 * so these two are escaped here; other control characters become spaces (they are not allowed in TEXT).
 */
export function escapeIcsText(text: string): string {
  let out = '';
  for (const ch of text.replace(/\r\n?/g, '\n')) {
    if (ch === '\\' || ch === ';' || ch === ',') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch < ' ' || ch === '\u007f') out += ' ';
    else out += ch;
  }
  return out;
}

const KIND_LABEL: Record<PlanSession['kind'], string> = {
  learn: 'Learn',
  review: 'Review',
  practice: 'Practice exam',
  buffer: 'Light week',
};

function sessionTitle(session: PlanSession): string {
  const what = session.domain ? `${KIND_LABEL[session.kind]}: ${session.domain}` : KIND_LABEL[session.kind];
  return `${session.status === 'done' ? 'Done: ' : ''}${what} (${session.hours} h)`;
}

function describeSession(plan: Plan, session: PlanSession): string {
  const lines = [session.focus.text];
  for (const objective of session.focus.objectives) {
    const sources = objective.citationRefs
      .map((i) => plan.citations[i])
      .flatMap((c) => (c ? [c.title ?? c.source] : []));
    lines.push(
      `- ${objective.ref ? `${objective.ref} ` : ''}${objective.label}${sources.length > 0 ? ` [${sources.join('; ')}]` : ''}`,
    );
  }
  return lines.join('\n');
}

/** "2026-12-07" + "19:00" + minutes → the local date-time text ical-generator formats (see planToIcs). */
function localDateTime(date: string, time: string, addMinutes = 0): string {
  const total = minutesOfDay(time) + addMinutes;
  const day = addDays(date, Math.floor(total / 1440));
  return `${day}T${timeOfDay(total)}:00`;
}

export function planToIcs(plan: Plan, options: PlanIcsOptions): string {
  const uid = (what: string) => `${plan.id}-${what}@certplan`;
  const stamp = utcDate(options.stamp ?? plan.startDate);
  const zone = plan.timeZone;
  const vtimezone = zone && options.vtimezone ? options.vtimezone(zone) : null;

  const calendar = ical({
    name: escapeIcsText(`Study plan: ${options.examName}`),
    prodId: { company: 'certplan', product: 'planner', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
    ...(vtimezone && zone ? { timezone: { name: zone, generator: () => vtimezone } } : {}),
    ...(options.feedUrl ? { source: options.feedUrl, url: options.feedUrl, ttl: FEED_REFRESH_SECONDS } : {}),
  });

  const allDay = (id: string, start: string, endInclusive: string, summary: string, description: string) =>
    calendar.createEvent({
      id: uid(id),
      start: utcDate(start),
      // DTEND of an all-day event is exclusive.
      end: utcDate(addDays(endInclusive, 1)),
      allDay: true,
      stamp,
      summary,
      description,
    });

  // ical-generator writes a Date with a time zone by the Date's local fields, and a floating one by its UTC
  // fields: a local date-time string parsed as local (or as UTC with Z) makes those fields the wall-clock
  // time we mean, whatever zone the server runs in.
  const timed = (id: string, date: string, time: string, minutes: number, summary: string, description: string) =>
    calendar.createEvent({
      id: uid(id),
      ...(vtimezone && zone
        ? {
            start: new Date(localDateTime(date, time)),
            end: new Date(localDateTime(date, time, minutes)),
            timezone: zone,
          }
        : {
            start: new Date(`${localDateTime(date, time)}Z`),
            end: new Date(`${localDateTime(date, time, minutes)}Z`),
            floating: true,
          }),
      stamp,
      summary,
      description,
    });

  if (options.granularity === 'week') {
    for (const week of plan.weeks) {
      const sessions = week.sessions.filter((s) => s.status !== 'missed');
      if (sessions.length === 0) continue;
      const byWhat = new Map<string, number>();
      for (const s of sessions) {
        const key = `${s.domain ?? KIND_LABEL[s.kind]}${s.domain && s.kind !== 'learn' ? ` (${s.kind})` : ''}`;
        byWhat.set(key, (byWhat.get(key) ?? 0) + s.hours);
      }
      const summary = [...byWhat].map(([what, hours]) => `${what} ${hours} h`).join(', ');
      allDay(
        `week-${week.index}`,
        week.start,
        week.end,
        `Study week ${week.index + 1}: ${summary}`,
        `${week.hours} hours this week for ${options.examName}.\n${sessions.map((s) => `${s.date} ${s.start} ${sessionTitle(s)}. ${s.focus.text}`).join('\n')}`,
      );
    }
  } else {
    for (const week of plan.weeks) {
      for (const session of week.sessions) {
        // Missed work is not an event: it rolled forward into the sessions that follow.
        if (session.status === 'missed') continue;
        timed(
          session.id,
          session.date,
          session.start,
          session.hours * 60,
          sessionTitle(session),
          describeSession(plan, session),
        );
      }
    }
  }

  // Core's words, qualifiers kept ('about USD 300 plus tax'): dropping one would state a different price.
  const fee = options.fee ? ` The fee is ${formatClaimValue('fee', options.fee)}.` : '';
  // Slots fill up: the reminder comes on the plan's first day, so the date is fixed before studying starts.
  const booking = allDay(
    'book-exam',
    plan.startDate,
    plan.startDate,
    `Book the exam: ${options.examName}`,
    `Book your exam slot for ${plan.examDate}${plan.examDateSuggested ? ' (the date the planner suggests)' : ''} now, while dates are open.${fee}`,
  );
  booking.createAlarm({ type: ICalAlarmType.display, trigger: 0, description: `Book the exam: ${options.examName}` });

  const length = options.durationMinutes ? ` It lasts ${options.durationMinutes} minutes.` : '';
  const exam = allDay(
    'exam-day',
    plan.examDate,
    plan.examDate,
    `${plan.examDateSuggested ? 'Suggested exam date' : 'Exam'}: ${options.examName}`,
    `${plan.examDateSuggested ? 'The exam date the planner suggests: book it or choose your own.' : 'Exam day.'}${length}${fee}`,
  );
  exam.createAlarm({ type: ICalAlarmType.display, trigger: 86_400, description: `Exam tomorrow: ${options.examName}` });

  if (options.validityMonths) {
    const expiry = addMonths(plan.examDate, options.validityMonths);
    const lead = options.recertificationDaysBeforeExpiry ?? null;
    const opens = addDays(expiry, -(lead ?? DEFAULT_RECERT_LEAD_DAYS));
    const why =
      lead !== null
        ? `Recertification opens ${lead} days before expiry.`
        : `No source says when recertification opens: this reminder is the planner's assumption of ${DEFAULT_RECERT_LEAD_DAYS} days before expiry.`;
    allDay(
      'recertification',
      opens,
      opens,
      `Recertification window opens: ${options.examName}`,
      `If you pass on ${plan.examDate}, the certification is valid for ${options.validityMonths} months, until ${expiry}. ${why}`,
    );
  }

  // RFC 5545 §3.8.7.2: DTSTAMP is a UTC date-time. ical-generator writes it in the calendar's time zone, without
  // the Z, when the calendar has one; every DTSTAMP line is written again here, as UTC.
  const utcStamp = `${stamp.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
  return calendar.toString().replace(/^DTSTAMP:[^\r\n]*/gm, `DTSTAMP:${utcStamp}`);
}
