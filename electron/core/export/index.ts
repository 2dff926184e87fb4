// One entry point for every export format, used by the IPC handler and the CLI alike.
import { type Extension, ExtensionSchema } from '../shared/domain.js';
import { toCsv } from './csv.js';
import { toVcard } from './vcard.js';
import { toVcard3 } from './vcard3.js';

export type ExportFormat = 'csv' | 'vcard' | 'vcard3' | 'json';

export interface ExportFile {
  filename: string;
  mime: string;
  content: string;
  count: number;
}

export function exportDirectory(
  extensions: readonly Extension[],
  format: ExportFormat,
  stem: string,
): ExportFile {
  const count = extensions.length;
  switch (format) {
    case 'csv':
      return { filename: `${stem}.csv`, mime: 'text/csv;charset=utf-8', content: toCsv(extensions), count };
    case 'vcard':
      return {
        filename: `${stem}.vcf`,
        mime: 'text/vcard;charset=utf-8',
        content: toVcard(extensions),
        count,
      };
    case 'vcard3':
      return {
        filename: `${stem}.vcf`,
        mime: 'text/vcard;charset=utf-8',
        content: toVcard3(extensions),
        count,
      };
    case 'json':
      return {
        filename: `${stem}.json`,
        mime: 'application/json',
        // Parsing strips any field the domain type does not declare, so nothing but the
        // directory's own fields can reach the file.
        content: `${JSON.stringify({ extensions: ExtensionSchema.array().parse(extensions) }, null, 2)}\n`,
        count,
      };
  }
}
