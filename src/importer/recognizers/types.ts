import type { SourcePointer } from '../text-model.js';

/** What every recognized item carries besides its data: where it came from and how sure we are. */
export interface Found {
  /** Index of the line (block) the item starts at. */
  at: number;
  source: SourcePointer;
  /** 0–1: how sure the recognizer is that this is what it says. */
  confidence: number;
  recognizer: string;
  notes: string[];
  /** The signals that fired when the item was recognized (why it is in the draft). */
  signals?: string[];
}

export interface DraftMicroAction extends Found {
  title: string;
  description: string | null;
  responsibles: string[];
  timing: string | null;
}

export interface DraftAction extends Found {
  title: string;
  description: string | null;
  responsibles: string[];
  /** The plan's own words; the Timing parser interprets them with the plan's period. */
  timing: string | null;
  expectedResults: string[];
  microActions: DraftMicroAction[];
  /** Lines this action was built from (its title and fields), so others do not reuse them. */
  span: [number, number];
  /** The number the plan gives the action ("2.1.2.3"), when it gives one. */
  code?: string | null;
}

export interface DraftPriority extends Found {
  number: string | null;
  title: string;
  stateOfTheArt: string | null;
}

export interface DraftSpending extends Found {
  classification: string | null;
  description: string;
  fundingSource: string;
  pnrrMeasure: string | null;
  cup: string | null;
  amount: number;
}

export interface DraftBaseline extends Found {
  label: string;
  value: number | null;
  valueText: string | null;
  referenceDate: string | null;
}

export interface DraftPlatform extends Found {
  platform: string;
  status: 'adopted' | 'in_progress' | 'planned' | 'not_adopted';
  due: string | null;
  unitText: string | null;
  notes: string[];
}

export interface PlanPeriod {
  startYear: number;
  endYear: number;
}
