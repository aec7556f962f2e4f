import { createContext, useContext } from 'react';
import { Language } from './area';
import { admin } from './admin';
import { analyst } from './analyst';
import { base } from './base';
import { partner } from './partner';
import { desk } from './desk';
import { deskPanel } from './desk-panel';
import { deskInput } from './desk-input';
import { deskRecord } from './desk-record';
import { closedLoop } from './closed-loop';
import { disposition } from './disposition';
import { measures } from './measures';
import { outcomes } from './outcomes';
import { recordOfCare } from './record-of-care';
import { roles } from './roles';
import { taskCodes } from './taskCodes';
import { wall } from './wall';
import { worldPanel } from './world-panel';
import { worldRecord } from './world-record';
import { worldWall } from './world-wall';

export type { Language } from './area';
export { LANGUAGES } from './area';

/** Every view's words. Add a view's file here; a key may stand in one file only (tested). */
export const AREAS = { base, partner, wall, desk, deskPanel, deskInput, deskRecord, taskCodes, roles, admin, analyst, worldPanel, worldRecord, worldWall, disposition, closedLoop, measures, outcomes, recordOfCare } as const;

type Dictionary = Record<string, string>;
const merged = (language: Language): Dictionary => Object.assign({}, ...Object.values(AREAS).map((words) => words[language]));
export const DICTIONARIES: Record<Language, Dictionary> = { fi: merged('fi'), sv: merged('sv'), en: merged('en') };

export const LanguageContext = createContext<Language>('fi');

/** `{name}` in a message is replaced by `values.name`. */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

export function translate(language: Language, key: string, values?: Record<string, string | number>): string {
  const message = DICTIONARIES[language][key] ?? DICTIONARIES.en[key] ?? key;
  return values ? message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole)) : message;
}

export function useT(): Translate {
  const language = useContext(LanguageContext);
  return (key, values) => translate(language, key, values);
}

export function useLanguage(): Language {
  return useContext(LanguageContext);
}
