/**
 * A plan as an RFC 5545 calendar (ical-generator): the study weeks (or each session), a reminder to book
 * the exam, the exam day and, where validity is known, when recertification opens. UIDs hash the plan's
 * inputs plus the event's place, so re-exporting the same plan updates events instead of duplicating them.
 */
import { createHash } from 'node:crypto';
import ical, { ICalAlarmType, ICalCalendarMethod } from 'ical-generator';
import { addDays, addMonths } from './lib/dates.ts';
import type { PlannerIndex } from './preparePlannerData.ts';
import type { Plan, PlanSession } from './schema.ts';

export interface PlanIcsOptions {
  examName: string;
  /** The fee as the sources state it; `approximate` and `plusTax` are said in words, as the exam card does. */
  fee?: { amount: number; currency: string; approximate?: boolean; plusTax?: boolean } | null;
  durationMinutes?: number | null;
  validityMonths?: number | null;
  recertificationDaysBeforeExpiry?: number | null;
  /** 'week' (default): one all-day event per study week; 'session': one per session, spanning its week. */
  granularity?: 'week' | 'session';
  /** DTSTAMP as YYYY-MM-DD (pass `today`); defaults to the plan's start date so output is byte-stable. */
  stamp?: string;
}

/** When no source says how early recertification opens: the planner's assumption, said so in the event. */
const DEFAULT_RECERT_LEAD_DAYS = 90;

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

/** "about USD 300 plus tax": dropping a qualifier would state a different price than the source does. */
export function describeFee(fee: NonNullable<PlanIcsOptions['fee']>): string {
  return `${fee.approximate ? 'about ' : ''}${fee.currency} ${fee.amount}${fee.plusTax ? ' plus tax' : ''}`;
}

function describeSession(session: PlanSession): string {
  const what = session.domain ? `${session.kind}: ${session.domain}` : session.kind;
  return `${session.hours} h ${what}. ${session.focus.text}`;
}

export function planToIcs(plan: Plan, options: PlanIcsOptions): string {
  const identity = createHash('sha256')
    .update(
      JSON.stringify([
        plan.exam,
        plan.startDate,
        plan.examDate,
        plan.hoursPerWeek,
        plan.totalHours,
        plan.domains.map((d) => [d.name, d.hours]),
      ]),
    )
    .digest('hex')
    .slice(0, 24);
  const uid = (what: string) => `${identity}-${what}@certplan`;
  const stamp = utcDate(options.stamp ?? plan.startDate);

  const calendar = ical({
    // ical-generator escapes event text but not the calendar's NAME: a line break there would end the line.
    name: `Study plan: ${options.examName.replace(/\p{Cc}+/gu, ' ')}`,
    prodId: { company: 'certplan', product: 'planner', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
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

  for (const week of plan.weeks) {
    if (week.sessions.length === 0) continue;
    if (options.granularity === 'session') {
      week.sessions.forEach((session, s) => {
        const what = session.domain ? `${session.domain} (${session.kind})` : session.kind;
        allDay(
          `week-${week.index}-session-${s}`,
          week.start,
          week.end,
          `${what}: ${session.hours} h`,
          describeSession(session),
        );
      });
    } else {
      const summary = week.sessions
        .map((s) => `${s.domain ?? s.kind}${s.domain && s.kind !== 'learn' ? ` (${s.kind})` : ''} ${s.hours} h`)
        .join(', ');
      allDay(
        `week-${week.index}`,
        week.start,
        week.end,
        `Study week ${week.index + 1}: ${summary}`,
        `${week.hours} hours this week for ${options.examName}.\n${week.sessions.map(describeSession).join('\n')}`,
      );
    }
  }

  const fee = options.fee ? ` The fee is ${describeFee(options.fee)}.` : '';
  // Slots fill up: the reminder comes on the plan's first day, so the date is fixed before studying starts.
  const booking = allDay(
    'book-exam',
    plan.startDate,
    plan.startDate,
    `Book the exam: ${options.examName}`,
    `Book your exam slot for ${plan.examDate} now, while dates are open.${fee}`,
  );
  booking.createAlarm({ type: ICalAlarmType.display, trigger: 0, description: `Book the exam: ${options.examName}` });

  const length = options.durationMinutes ? ` It lasts ${options.durationMinutes} minutes.` : '';
  const exam = allDay(
    'exam-day',
    plan.examDate,
    plan.examDate,
    `Exam: ${options.examName}`,
    `Exam day.${length}${fee}`,
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

  return calendar.toString();
}
