import { describe, expect, it } from 'vitest';
import { readTitle } from '../../src/classify/index.ts';
import { readFixtureRows, type TitleRow } from './rows.ts';

/**
 * CV-style titles (test/fixtures/titles-cv): the shapes people write on LinkedIn and in CVs, mostly German and
 * English, labelled before the reader was run on them. Each file is measured on its own against its floors, which
 * sit just under the last measurement; the test reports accuracy and fails only below them, so it is a target, not
 * a list of rows to make pass one by one. `SHOW_MISSES=1 npx vitest run test/classify/cv-titles.test.ts` prints the
 * misses. Placed counts rows with both seniority and function known; some rows are bare ranks or statuses labelled
 * `unknown` on purpose.
 *
 * - cv.jsonl (848 rows): rules were written from its misses, so it is a development set, not a held-out one. Now:
 *   seniority 99.4%, function 98.9%, placed 93.0%; first reading, before any rule was written from it: 94.7%,
 *   94.8%, 91.6%.
 * - cv-2.jsonl (570 rows, a second batch written after the first was tuned: 264 de, 224 en, 82 fr/es/nl/it/pl/sv).
 *   First reading, before any rule was written from it: seniority 97.9%, function 95.1%, placed 96.7% (de 97.7 /
 *   93.6 / 96.6, en 98.7 / 96.0 / 96.0, other 96.3 / 97.6 / 98.8). Now, after fixing classes of its misses (German
 *   abbreviations, -bearbeiter and -jurist compounds, clerks of a named area, SAP as an IT area, thesis students,
 *   freie as freelance, investor beside a founder) and correcting three labels to decisions already in the data
 *   (see test/fixtures/README.md): 99.5%, 99.6%, 97.9% (de 100.0 / 99.6 / 98.1, en 99.6 / 99.6 / 96.9, other 97.6 /
 *   100.0 / 100.0). Since rules were then written from it, it too is a development set now.
 * - cv-3.jsonl (173 rows: 79 de, 64 en, 30 fr/es/nl/it/pl/sv), a third batch written after cv-2's fixes, none equal
 *   to a cv.jsonl or cv-2.jsonl title, to see whether those fixes generalised. First reading: seniority 100.0%,
 *   function 95.4%, placed 96.0% (de 100.0 / 89.9 / 94.9, en 100.0 / 100.0 / 95.3, other 100.0 / 100.0 / 100.0).
 *   Then its misses were fixed as classes (kaufm. + staff noun, Abrechnung, Zentrale Dienste, bank client advisers,
 *   Referendar): 100.0%, 98.8%, 97.7%.
 * - cv-4.jsonl (490 rows: 242 de, 184 en, 64 fr/es/nl/it/pl/sv/pt/da), a fourth batch written to be harder than the
 *   first three (pipes and taglines, employers after bei/at/@, several roles, gender forms, GL/BL/SB/MA, typos, ALL
 *   CAPS, emoji, statuses, public service and trades), none equal to any fixture title. First reading, before any
 *   rule was written from it: seniority 96.5%, function 95.3%, placed 95.3% (de 97.5 / 95.9 / 95.9, en 95.1 / 94.0 /
 *   93.5, other 96.9 / 96.9 / 98.4). Three labels contradicted readings already written in the lexicon and were
 *   corrected, each with a note in its row (Acheteuse projet → senior, Postdoctoral Researcher → education, EVP &
 *   General Counsel → c_level): 96.9%, 95.5%, 95.3%. Then its misses were fixed as classes (whose rank a title names
 *   after "Assistant to" / "Office of the", Assistant X Manager, GL and BL, Fachwirt, Kfz and SHK trades, Umschüler and
 *   Nordic student workers, contracts, audit, web design, infosec, recruitment consultants, retail sales assistants,
 *   apprentice cooks, job-seeking phrases, slips beside a weak hint): 99.6%, 98.8%, 96.9% (de 100.0 / 98.8 / 97.9, en
 *   98.9 / 98.4 / 95.1, other 100.0 / 100.0 / 98.4).
 * - cv-5.jsonl (144 rows: 72 de, 57 en, 15 in seven other languages), a fifth batch written after cv-4's fixes, to see
 *   whether they were classes. First reading: seniority 96.5%, function 90.3%, placed 93.8% (de 94.4 / 86.1 / 93.1, en
 *   98.2 / 96.5 / 94.7, other 100.0 / 86.7 / 93.3). Three labels contradicted written decisions and were corrected, each
 *   with a note in its row (two founder compounds take the role part's function; Support Engineer is senior as the
 *   lexicon reads it): 97.2%, 91.7%, 93.8%. Then its misses were fixed as classes (Stationsleiter like Stationsleitung,
 *   police ranks, judges in every language, Diplom-Kaufmann/-Betriebswirt as degrees, web designers in every language):
 *   99.3%, 95.1%, 93.8% (de 98.6 / 93.1 / 93.1, en 100.0 / 98.2 / 94.7, other 100.0 / 93.3 / 93.3); with commercial
 *   apprentices (kaufmännische Auszubildende → operations) and a current role after a past one ("ehem. …, jetzt
 *   Berater"): 100.0%, 96.5%, 95.1%.
 * - cv-6.jsonl (188 rows: 138 de, 50 en), a sixth, German-heavy batch in the shapes of German LinkedIn/XING profiles
 *   (Mittelstand, public service, Handwerk and Meister, hospitals and care, logistics, banks and insurance,
 *   engineering, IT, gender forms, abbreviations, Leitung X, stellv., komm.), none equal to any fixture title. First
 *   reading, before any rule was written from it: seniority 96.3%, function 93.6%, placed 96.8% (de 95.7 / 91.3 / 96.4,
 *   en 98.0 / 100.0 / 98.0). Six labels contradicted readings already written and were corrected, each with a note in
 *   its row (Vertriebsingenieur, Talent Acquisition Partner and Gebietsverkaufsleiter as the lexicon reads them;
 *   Private Banking Berater as advice of a named area; two Firmenkundenbetreuer as titles/de.jsonl reads them): 97.9%,
 *   95.2%, 96.8% (de 97.1 / 93.5 / 96.4, en 100.0 / 100.0 / 98.0). Then its misses were fixed as classes (the Berater
 *   compounds of bank client advisers such as Firmenkundenberater as sales, fire-service ranks such as Brandmeister as
 *   public service, Notariat as a legal area, Marktfolge as bank finance, Linux/Unix as an IT area beside a generic
 *   noun): 98.4%, 96.8%, 97.3% (de 97.8 / 95.7 / 97.1, en 100.0 / 100.0 / 98.0); with one's own practice or business
 *   (mit eigener Kanzlei, in eigener Praxis, own practice) as an owner: 99.5%, 97.3%, 97.9% (de 99.3 / 96.4 / 97.8).
 * - cv-7.jsonl (354 rows: 175 de, 139 en, 40 fr/es/nl/it/pl/sv/pt/da), a seventh batch written to be harder and more
 *   like real profiles than the first six (headlines with employer and tagline, several roles joined by | / & und and,
 *   gender forms, abbreviations, missing umlauts, ALL CAPS, emoji, hashtags, statuses, public-service grades,
 *   Mittelstand, business development, project and programme management, office and assistant roles, start-ups,
 *   healthcare, education, trades), none equal to any fixture title. First reading, before any rule was written from
 *   it: seniority 95.2%, function 94.1%, placed 96.3% (de 93.1 / 93.7 / 96.6, en 96.4 / 94.2 / 95.0, other 100.0 /
 *   95.0 / 100.0). Three labels contradicted readings already written and were corrected, each with a note in its row
 *   (two designated -beauftragte officers are senior, as titles/de.jsonl reads Umweltbeauftragter; growth beside
 *   partnerships is sales, as the growth-next-to-revenue rule reads it): 95.8%, 94.4%, 96.3% (de 94.3 / 93.7 / 96.6,
 *   en 96.4 / 95.0 / 95.0, other 100.0 / 95.0 / 100.0). Then its misses were fixed as classes (apprenticeship years,
 *   Studierende and doctoral researchers; Schichtleitung and Programmleiter at the manager rung, Praxisanleiter no Leiter,
 *   Industriemeister as a production supervisor; team assistants taking the area named; office and project roles in
 *   construction; German healthcare assistants by their short names; one's own workshop, salon or firm as ownership in
 *   every language; vorher/zuvor/previously as a past role; physicians by specialty and UK consultant doctors;
 *   recruiting for a named area; CNC machinists; user research as design; the electrical trades and craft businesses;
 *   Fachanwalt as a certified specialist): 99.2%, 97.7%, 96.3% (de 99.4 / 98.3 / 96.6, en 98.6 / 96.4 / 95.0, other
 *   100.0 / 100.0 / 100.0). Since rules were then written from it, it too is a development set now.
 * - cv-8.jsonl (229 rows: 113 de, 96 en, 20 fr/es/nl/it/pl/sv/pt/da), an eighth batch written after cv-7's rules to
 *   measure whether they generalise (headlines with employer and tagline, several roles, (m/w/d) and -in forms,
 *   missing umlauts, ALL CAPS, emoji, hashtags, statuses, every kind of role), none equal to any fixture title. First reading, before any
 *   rule was written from it: seniority 97.8%, function 97.8%, placed 96.5% (de 98.2 / 96.5 / 96.5, en 100.0 / 99.0 /
 *   95.8, other 85.0 / 100.0 / 100.0). Four labels contradicted readings already written and were corrected, each with
 *   a note in its row (Gebietsverkaufsleiter and Responsable/Responsabile without a size are manager; Elektroniker für
 *   Betriebstechnik is operations, as the catalogue fixtures read it): 99.1%, 98.3%, 96.5% (de 99.1 / 97.3 / 96.5, en
 *   100.0 / 99.0 / 95.8, other 95.0 / 100.0 / 100.0). Then two of its classes, in every language: German police grades
 *   (Polizeiobermeister, Polizeihauptmeisterin, Kriminalhauptkommissar) are public service, not a trade Meister, and one's
 *   own law office or practice is ownership (despacho propio, bufete propio, consulta propia, studio proprio, eigen
 *   kantoor, egen praktik, own law firm): 100.0%, 98.7%, 96.9%.
 * - cv-9.jsonl (312 rows: 128 de, 134 en, 50 fr/es/nl/it/pl/sv/pt/da), a ninth batch written after cv-8's rules and
 *   weighted toward the departments a CV-title scheme scores (office and administrative roles, business development,
 *   consulting, customer service and support, HR, IT, marketing, project and programme management, purchasing, sales)
 *   at every rung from Werkstudent/Trainee to Director/Head/VP, in LinkedIn/XING shapes (employer after bei/at/@/|,
 *   taglines, two roles, (m/w/d), *in, :in, /-in, typos, ALL CAPS, Sr./Jr.), none equal to any fixture title. First
 *   reading, before any rule was written from it: seniority 98.4%, function 97.1%, placed 99.4% (de 97.7 / 97.7 / 99.2,
 *   en 98.5 / 96.3 / 99.3, other 100.0 / 98.0 / 100.0). One label contradicted a decision already written and was
 *   corrected, with a note in its row (Assistenz Vertriebsleitung is an assistant to someone, operations, as
 *   Assistentin des Vertriebsleiters): 98.4%, 96.8%, 99.4% (de 97.7 / 96.9 / 99.2). Then its misses were fixed as
 *   classes, in every language: an assistant to a leader named without an article or in Italian, Spanish, Portuguese,
 *   Dutch, Polish and Czech (Assistenz Vertriebsleitung, Assistente del direttore commerciale, Asistente de gerencia,
 *   Assistent van de commercieel directeur, Asystentka dyrektora handlowego) is entry operations: 98.7%, 97.1%, 99.4%; the Leitung form of a
 *   manager-rung German -leiter reads like it (Bauleitung, Oberbauleitung, Marktleitung, Sachgebietsleitung,
 *   Gebietsleitung, Gebietsverkaufsleitung → manager): 99.0%, 97.1%, 99.4% (de 99.2 / 97.7 / 99.2); sales
 *   awards named after the top rank (President's Club, Chairman's Club, CEO Award) are no rank of the person's:
 *   99.4%, 97.4%, 99.4% (en 99.3 / 97.0 / 99.3); a job or area word without a rank word is an individual
 *   contributor beside a past employer too (Customer Success | ex-Zalando, Vertrieb | ehemals Siemens), only a status
 *   withholds it: 99.7%, 97.4%, 99.7% (en 100.0 / 97.0 / 100.0); a one-letter slip in a compound's first part is
 *   read though its last part already is (Persnalreferentin, Einkafsleiterin), unless a neighbouring key gives
 *   another word (Vetriebsleiter: Vertrieb or Betrieb): 99.7%, 97.8%, 100.0% (de 99.2 / 98.4 / 100.0); an
 *   administrative-and-commercial clerk takes the first-named area in every Romance language and Dutch (assistante
 *   administrative et commerciale, asistente administrativo y comercial, assistente amministrativa e commerciale,
 *   administratief-commercieel medewerker → operations), and an Italian assistente/addetta amministrativa is an
 *   administrative clerk like Impiegata amministrativa: 99.7%, 98.1%, 100.0% (other 100.0 / 100.0 / 100.0). Classes
 *   found probing beyond its rows moved no fixture table (order processing, contact persons, recruiter and receptionist
 *   nouns, an assistant named after the boss's title, recent graduates as early career, CPO/CCO taking the area named
 *   beside them).
 *
 * Held-out figures: holdout.test.ts, esco-holdout.test.ts.
 */
const FLOORS: Record<string, { seniority: number; function: number; placed: number }> = {
  'cv.jsonl': { seniority: 0.985, function: 0.98, placed: 0.92 },
  'cv-2.jsonl': { seniority: 0.99, function: 0.99, placed: 0.975 },
  'cv-3.jsonl': { seniority: 0.99, function: 0.98, placed: 0.97 },
  'cv-4.jsonl': { seniority: 0.99, function: 0.985, placed: 0.965 },
  'cv-5.jsonl': { seniority: 0.99, function: 0.96, placed: 0.945 },
  'cv-6.jsonl': { seniority: 0.99, function: 0.97, placed: 0.975 },
  'cv-7.jsonl': { seniority: 0.99, function: 0.975, placed: 0.96 },
  'cv-8.jsonl': { seniority: 0.975, function: 0.975, placed: 0.96 },
  'cv-9.jsonl': { seniority: 0.99, function: 0.975, placed: 0.99 },
};

function measure(rows: TitleRow[]) {
  let seniority = 0;
  let fn = 0;
  let placed = 0;
  const misses: string[] = [];
  for (const row of rows) {
    const result = readTitle(row.title, row.company);
    const okSeniority = result.seniority === row.seniority;
    const okFunction = result.function === row.function;
    seniority += Number(okSeniority);
    fn += Number(okFunction);
    placed += Number(result.seniority !== 'unknown' && result.function !== 'unknown');
    if (!okSeniority || !okFunction)
      misses.push(
        `${row.source} | ${row.title} | want ${row.seniority}/${row.function} | got ${result.seniority}/${result.function}${result.abstain ? ` (${result.abstain})` : ''} | ${result.reasons.join('; ')}`,
      );
  }
  const n = rows.length;
  return { n, seniority: seniority / n, function: fn / n, placed: placed / n, misses };
}

const pct = (share: number) => `${(share * 100).toFixed(1)}%`;

describe('CV-style titles (test/fixtures/titles-cv)', () => {
  const rows = readFixtureRows('titles-cv');
  const files = [...new Set(rows.map((row) => row.source.split(':')[0] ?? ''))];

  it('has every file under a floor', () => {
    expect(rows.length).toBeGreaterThan(300);
    expect(files.sort()).toEqual(Object.keys(FLOORS).sort());
  });

  for (const file of Object.keys(FLOORS)) {
    it(`reads ${file} at least as well as measured`, () => {
      const own = rows.filter((row) => row.source.startsWith(`${file}:`));
      const all = measure(own);
      const byLanguage = ['de', 'en', 'other'].flatMap((group) => {
        const part = measure(
          own.filter((row) =>
            group === 'other' ? row.lang !== 'de' && row.lang !== 'en' : row.lang === group,
          ),
        );
        // A batch without rows in a group (cv-6 has none outside de and en) prints no empty group.
        if (part.n === 0) return [];
        return [`${group} ${part.n}: ${pct(part.seniority)} / ${pct(part.function)} / ${pct(part.placed)}`];
      });
      process.stdout.write(
        `CV-style titles: ${file}: ${all.n} rows, seniority ${pct(all.seniority)}, function ${pct(all.function)}, placed ${pct(all.placed)} (${byLanguage.join('; ')})\n`,
      );
      if (process.env.SHOW_MISSES) process.stdout.write(`${all.misses.join('\n')}\n`);
      const floor = FLOORS[file];
      expect(floor).toBeDefined();
      expect(all.seniority).toBeGreaterThanOrEqual(floor?.seniority ?? 1);
      expect(all.function).toBeGreaterThanOrEqual(floor?.function ?? 1);
      expect(all.placed).toBeGreaterThanOrEqual(floor?.placed ?? 1);
    });
  }
});
