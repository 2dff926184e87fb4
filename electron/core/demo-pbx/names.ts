// Name pools for generated extensions, in several scripts, so the directory's search, sorting
// and rendering meet accented Latin, CJK, Arabic (right-to-left) and apostrophes as in the field.
import type { Prng } from './prng.js';

export type NameScript = 'latin-es' | 'latin-en' | 'latin-eu' | 'cjk-zh' | 'cjk-ja' | 'hangul' | 'arabic';

interface Pool {
  language: string;
  first: readonly string[];
  last: readonly string[];
  /** How first and last are joined: CJK family-first names have no space in Chinese and Korean. */
  join: (first: string, last: string) => string;
  /** ASCII local part for e-mail, or null when the script has no obvious transliteration. */
  ascii: boolean;
}

const western = (first: string, last: string) => `${first} ${last}`;

const POOLS: Record<NameScript, Pool> = {
  'latin-es': {
    language: 'es',
    first: ['José', 'María', 'Ángel', 'Lucía', 'Íñigo', 'Sofía', 'Raúl', 'Begoña', 'Andrés', 'Mónica'],
    last: ['Núñez', 'García', 'Pérez', 'Muñoz', 'Ibáñez', 'Gómez', 'Martínez', 'Rodríguez', 'Álvarez'],
    join: western,
    ascii: true,
  },
  'latin-en': {
    language: 'en',
    first: ['John', 'Emma', 'Oliver', 'Ava', 'Liam', 'Mia', 'Noah', 'Grace', 'Jack', 'Chloe'],
    last: ['Smith', 'Johnson', 'Brown', "O'Neil", 'Taylor', 'Walker', 'Clarke', 'Doe', 'Miller'],
    join: western,
    ascii: true,
  },
  'latin-eu': {
    language: 'fr',
    first: ['François', 'Zoë', 'Jürgen', 'Łukasz', 'Søren', 'Anaïs', 'Björn', 'Hélène'],
    last: ['Müller', 'Weiß', 'Lefèvre', 'Dvořák', 'Østergaard', 'Çelik', 'Schröder', 'Dupont'],
    join: western,
    ascii: true,
  },
  'cjk-zh': {
    language: 'zh',
    first: ['伟', '芳', '娜', '敏', '静', '强', '磊', '洋', '秀英', '建华'],
    last: ['王', '李', '张', '刘', '陈', '杨', '黄', '赵'],
    join: (first, last) => `${last}${first}`,
    ascii: false,
  },
  'cjk-ja': {
    language: 'ja',
    first: ['花子', '太郎', 'さくら', '健', '陽菜', '翔太', '美咲'],
    last: ['佐藤', '鈴木', '高橋', '田中', '渡辺', '伊藤'],
    join: (first, last) => `${last} ${first}`,
    ascii: false,
  },
  hangul: {
    language: 'ko',
    first: ['민준', '서연', '지훈', '하은', '도윤', '수빈'],
    last: ['김', '이', '박', '최', '정'],
    join: (first, last) => `${last}${first}`,
    ascii: false,
  },
  arabic: {
    language: 'ar',
    first: ['محمد', 'أحمد', 'فاطمة', 'علي', 'مريم', 'يوسف', 'ليلى', 'عمر'],
    last: ['العلي', 'حسن', 'الخطيب', 'منصور', 'الحسيني', 'سعيد'],
    join: western,
    ascii: false,
  },
};

export const NAME_SCRIPTS = Object.keys(POOLS) as NameScript[];

/** Weighted so most names are Latin, as in a typical deployment, yet every script shows up. */
const WEIGHTED: readonly NameScript[] = [
  'latin-es',
  'latin-es',
  'latin-es',
  'latin-en',
  'latin-en',
  'latin-en',
  'latin-eu',
  'cjk-zh',
  'cjk-ja',
  'hangul',
  'arabic',
];

const ROLE_NAMES = ['Reception', 'Sales', 'Support Desk', 'Warehouse', 'Conference Room', 'Lobby Phone'];

export interface PersonName {
  name: string;
  script: NameScript;
  language: string;
  /** ASCII e-mail local part, or null when none can be made from the name. */
  emailLocal: string | null;
}

const asciiCache = new Map<string, string>();

function toAscii(text: string): string {
  const hit = asciiCache.get(text);
  if (hit !== undefined) return hit;
  const ascii = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[øØ]/g, 'o')
    .replace(/[łŁ]/g, 'l')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
  asciiCache.set(text, ascii);
  return ascii;
}

export function randomName(rng: Prng, script?: NameScript): PersonName {
  if (!script && rng.chance(0.03)) {
    return { name: rng.pick(ROLE_NAMES), script: 'latin-en', language: 'en', emailLocal: null };
  }
  const chosen = script ?? rng.pick(WEIGHTED);
  const pool = POOLS[chosen];
  const first = rng.pick(pool.first);
  const last = rng.pick(pool.last);
  return {
    name: pool.join(first, last),
    script: chosen,
    language: pool.language,
    emailLocal: pool.ascii ? `${toAscii(first)}.${toAscii(last)}` : null,
  };
}
