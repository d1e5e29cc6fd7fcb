/**
 * What a USPS piece scan means for the voter, in one stable key (persisted as
 * `imb_scans.meaning`). Pure functions.
 *
 * IV-MTR pushes say where the piece is with `mailPhase` ("Phase 0 - Acceptance",
 * "Phase 1 - Origin Processing", "Phase 2 - Destination Processing", "Phase 3 - Delivery
 * Unit", "Phase 4 - Delivery" and variants), which decides when present. Delimited files
 * carry only the operation code: the delivery-point-sequence operations 918/919 sort the
 * piece into the carrier's route, anything else is "processed at a facility". We never
 * derive "delivered": IV's delivery events are often logical (from the carrier's GPS) or
 * assumed (from the tray the piece travelled in), not scans of the envelope.
 */
import type { ScanMeaning } from '../persisted.ts';

const DELIVERY_SEQUENCE_OPERATIONS = new Set(['918', '919']);

export function scanMeaning(eventCode: string, mailPhase: string | null): ScanMeaning {
  if (mailPhase !== null) return meaningOf(eventCode, mailPhase);
  // A file row has no mail phase: then the meaning is the operation code's, worked out once.
  let meaning = byOperation.get(eventCode);
  if (meaning === undefined) {
    meaning = meaningOf(eventCode, null);
    if (byOperation.size > 10_000) byOperation.clear();
    byOperation.set(eventCode, meaning);
  }
  return meaning;
}

const byOperation = new Map<string, ScanMeaning>();

function meaningOf(eventCode: string, mailPhase: string | null): ScanMeaning {
  const phase = mailPhase?.toLowerCase() ?? '';
  const number = /phase\s*(\d)/.exec(phase)?.[1];
  if (number === '0' || /accept/.test(phase)) return 'accepted';
  if (number === '1' || /origin/.test(phase)) return 'origin';
  if (number === '2' || /destination/.test(phase)) return 'destination';
  if (number === '3' || number === '4' || /deliver/.test(phase)) return 'delivery';
  if (DELIVERY_SEQUENCE_OPERATIONS.has(eventCode.replace(/^0+/, ''))) return 'delivery';
  return 'processed';
}

/**
 * IV's handling event types: a physical scan, or an event IV inferred — 'A' assumed (the
 * container holding the piece was scanned) and 'L' logical (e.g. delivery from the
 * carrier's GPS track). The timeline says so instead of presenting it as a scan.
 */
export function isInferredEvent(handlingEventType: string | null): boolean {
  const t = handlingEventType?.trim().toUpperCase() ?? '';
  return t === 'A' || t === 'L' || t.startsWith('ASSUMED') || t.startsWith('LOGICAL');
}
