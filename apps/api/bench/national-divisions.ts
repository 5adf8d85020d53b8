// Generates a national-size division file (about 700,000 rows: 31 provinces, 10 prefectures
// each, 10 counties each, 15 townships each, 15 villages each) with valid codes.
import { provinceCodes } from '@fazhi/domain';

// the 31 mainland provinces (not Taiwan, Hong Kong or Macao)
const provinces = provinceCodes.filter((code) => Number(code) < 70);

export function nationalDivisionsCsv(): { csv: string; rows: number } {
  const lines: string[] = ['code,name,urban_rural_code'];
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  for (const p of provinces) {
    lines.push(`${p}0000000000,省${p},`);
    for (let m = 1; m <= 10; m++) {
      const pm = `${p}${pad(m, 2)}`;
      lines.push(`${pm}00000000,市${pm},`);
      for (let c = 1; c <= 10; c++) {
        const pmc = `${pm}${pad(c, 2)}`;
        lines.push(`${pmc}000000,县${pmc},`);
        for (let t = 1; t <= 15; t++) {
          const town = `${pmc}${pad(100 + t, 3)}`;
          lines.push(`${town}000,镇${town},`);
          for (let v = 1; v <= 15; v++) {
            lines.push(`${town}${pad(200 + v, 3)},村${town}${v},220`);
          }
        }
      }
    }
  }
  return { csv: lines.join('\n') + '\n', rows: lines.length - 1 };
}
