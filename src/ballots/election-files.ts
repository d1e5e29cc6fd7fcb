/**
 * Writes a synthetic election to a folder (`ballotline generate election`), streaming, at
 * constant memory whatever the number of voters:
 *
 *   voters.csv                      the voter file (generated, or the one given)
 *   extracts/ballots-<day>.csv      one delta extract per day, E-29 … E+30 (canonical feed)
 *   truth.jsonl                     one BallotStory per ballot (generate-election.ts)
 *   truth.json                      the election, the options, and totals
 *   suspicious/ballots-<E+31>-transposed.csv   with `suspicious`: half of one county's
 *                                   ballots reported VDD, for the guardrail demo
 */
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { join } from 'node:path';
import { AppError } from '../errors.ts';
import type { ProfileId } from '../config.ts';
import { csvRecords } from '../feeds/csv.ts';
import { generateVoters, voterRowToCsvLine, VOTER_CSV_HEADER } from '../registry/generate.ts';
import { CA_COUNTIES, CO_COUNTIES } from '../registry/synthetic-data.ts';
import { addDays } from '../elections/participation.ts';
import {
  EXTRACT_HEADER, SHARES, extractDays, extractLine, extractRows, transposedRow, voterBallotStories,
  type BallotStory, type ElectionVoter,
} from './generate-election.ts';

export interface SyntheticElectionOptions {
  outDir: string;
  electionId: string;
  electionName: string;
  electionDate: string;
  seed: number;
  profile: ProfileId;
  /** Generate this many voters (with `seed`), or read `voterFile`. */
  voters?: number;
  voterFile?: string;
  counties?: string[];
  suspicious?: boolean;
}

export interface SyntheticElectionSummary {
  election: { id: string; name: string; date: string; kind: 'statewide' };
  seed: number;
  profile: ProfileId;
  voters: number;
  ballots: number;
  reissues: number;
  inPerson: number;
  cured: number;
  byOutcome: Record<string, number>;
  byStatus: Record<string, number>;
  rowsByDay: Record<string, number>;
  files: { voters: string; extracts: string; truth: string };
  suspicious: { file: string; county: string; day: string; rows: number } | null;
  shares: typeof SHARES;
}

/** A buffered line writer that respects back-pressure. */
class Lines {
  readonly #out: WriteStream;
  #buf = '';
  count = 0;
  constructor(path: string, header?: string) {
    this.#out = createWriteStream(path);
    if (header !== undefined) this.#buf = `${header}\n`;
  }
  async add(line: string): Promise<void> {
    this.#buf += line;
    this.count++;
    if (this.#buf.length > 65_536) await this.flush();
  }
  async flush(): Promise<void> {
    if (this.#buf === '') return;
    const ok = this.#out.write(this.#buf);
    this.#buf = '';
    if (!ok) await once(this.#out, 'drain');
  }
  async close(): Promise<void> {
    await this.flush();
    await new Promise<void>((resolve, reject) => this.#out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  }
}

export async function writeSyntheticElection(opts: SyntheticElectionOptions): Promise<SyntheticElectionSummary> {
  if ((opts.voters === undefined) === (opts.voterFile === undefined)) throw new AppError(400, 'invalid_option', 'give either a number of voters or a voter file');
  await mkdir(join(opts.outDir, 'extracts'), { recursive: true });
  const days = extractDays(opts.electionDate);
  const dayFiles = new Map(days.map((d) => [d, new Lines(join(opts.outDir, 'extracts', `ballots-${d}.csv`), EXTRACT_HEADER)]));
  const truth = new Lines(join(opts.outDir, 'truth.jsonl'));
  const votersOut = opts.voterFile === undefined ? new Lines(join(opts.outDir, 'voters.csv'), VOTER_CSV_HEADER.join(',')) : null;

  const suspiciousDay = addDays(opts.electionDate, 31);
  const suspiciousCounty = opts.suspicious ? largestCounty(opts.profile, opts.counties) : null;
  let suspicious: Lines | null = null;
  if (suspiciousCounty) {
    await mkdir(join(opts.outDir, 'suspicious'), { recursive: true });
    suspicious = new Lines(join(opts.outDir, 'suspicious', `ballots-${suspiciousDay}-transposed.csv`), EXTRACT_HEADER);
  }

  const summary: SyntheticElectionSummary = {
    election: { id: opts.electionId, name: opts.electionName, date: opts.electionDate, kind: 'statewide' },
    seed: opts.seed, profile: opts.profile, voters: 0, ballots: 0, reissues: 0, inPerson: 0, cured: 0,
    byOutcome: {}, byStatus: {}, rowsByDay: Object.fromEntries(days.map((d) => [d, 0])),
    files: { voters: opts.voterFile ?? join(opts.outDir, 'voters.csv'), extracts: join(opts.outDir, 'extracts'), truth: join(opts.outDir, 'truth.jsonl') },
    suspicious: null, shares: SHARES,
  };
  const bump = (m: Record<string, number>, k: string): void => { m[k] = (m[k] ?? 0) + 1; };
  const gen = { electionId: opts.electionId, electionDate: opts.electionDate, seed: opts.seed };

  const take = async (voter: ElectionVoter): Promise<void> => {
    summary.voters++;
    for (const s of voterBallotStories(voter, gen)) {
      summary.ballots++;
      if (s.reissueOf) summary.reissues++;
      if (s.inPerson) summary.inPerson++;
      if (s.cured) summary.cured++;
      bump(summary.byOutcome, s.outcome);
      for (const st of s.statuses) bump(summary.byStatus, st.code);
      for (const row of extractRows(s)) {
        await dayFiles.get(row.day)!.add(extractLine(row));
        summary.rowsByDay[row.day]!++;
      }
      await truth.add(`${JSON.stringify(s satisfies BallotStory)}\n`);
      if (suspicious && s.countyCode === suspiciousCounty) {
        const row = transposedRow(s, suspiciousDay, 0.5, opts.seed);
        if (row) await suspicious.add(extractLine(row));
      }
    }
  };

  if (opts.voterFile !== undefined) {
    for await (const v of readVoterFile(opts.voterFile)) await take(v);
  } else {
    for (const v of generateVoters({ count: opts.voters!, profile: opts.profile, seed: opts.seed, ...(opts.counties ? { counties: opts.counties } : {}) })) {
      await votersOut!.add(voterRowToCsvLine(v));
      await take({ voterId: v.voterId, countyCode: v.countyCode, status: v.status });
    }
  }

  for (const f of dayFiles.values()) await f.close();
  await truth.close();
  await votersOut?.close();
  if (suspicious) {
    await suspicious.close();
    summary.suspicious = { file: join(opts.outDir, 'suspicious', `ballots-${suspiciousDay}-transposed.csv`), county: suspiciousCounty!, day: suspiciousDay, rows: suspicious.count };
  }
  await writeFile(join(opts.outDir, 'truth.json'), `${JSON.stringify(summary, null, 2)}\n`);
  return summary;
}

function largestCounty(profile: ProfileId, only: string[] | undefined): string {
  const all = profile === 'ca' ? CA_COUNTIES : CO_COUNTIES;
  const pool = only ? all.filter((c) => only.includes(c.code)) : all;
  return [...pool].sort((a, b) => b.population - a.population)[0]!.code;
}

/** The voter_id, county_code and status of each row of a canonical voter file. */
async function* readVoterFile(path: string): AsyncIterable<ElectionVoter> {
  const { batches } = csvRecords(createReadStream(path));
  let idx: { id: number; county: number; status: number } | null = null;
  for await (const batch of batches) {
    for (const { fields } of batch) {
      if (idx === null) {
        const h = fields.map((f) => f.trim().toLowerCase());
        idx = { id: h.indexOf('voter_id'), county: h.indexOf('county_code'), status: h.indexOf('status') };
        if (idx.id < 0 || idx.county < 0 || idx.status < 0) throw new AppError(400, 'file_header', `${path}: a voter file needs voter_id, county_code and status columns`);
        continue;
      }
      const voterId = fields[idx.id]?.trim() ?? '';
      if (voterId === '') continue;
      yield { voterId, countyCode: fields[idx.county]?.trim() ?? '', status: (fields[idx.status]?.trim() ?? '').toUpperCase() };
    }
  }
}
