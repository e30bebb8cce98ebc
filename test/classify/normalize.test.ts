import { describe, expect, it } from 'vitest';
import { fold } from '../../src/classify/fold.ts';
import { readSizeBand, readTitle, sizeBand } from '../../src/classify/index.ts';
import { tokenize } from '../../src/classify/tokenize.ts';

const words = (title: string) => tokenize(title).map((token) => token.text);

describe('normalisation', () => {
  it('folds case and accents', () => {
    expect(fold('Geschäftsführer')).toBe('geschaftsfuhrer');
    expect(fold('DIRECTRICE GÉNÉRALE')).toBe('directrice generale');
    expect(fold('Straße')).toBe('strasse');
  });

  it('splits separators, keeps R&D whole and joins dotted acronyms', () => {
    expect(words('VP, Sales & Marketing | EMEA')).toEqual([
      'vp',
      ',',
      'sales',
      '&',
      'marketing',
      '|',
      'emea',
    ]);
    expect(words('Head of R&D')).toEqual(['head', 'of', 'r&d']);
    expect(words('C.E.O.')).toEqual(['ceo']);
    expect(words('IT-Leiter')).toEqual(['it', 'leiter']);
    expect(words('Sales - Director')).toEqual(['sales', '-', 'director']);
  });

  it('reads the plural of a job noun as the noun (catalogue titles are often plural), never an area word', () => {
    for (const [plural, singular] of [
      ['Redovisningsekonomer', 'Redovisningsekonom'],
      ['Ekonomiassistenter', 'Ekonomiassistent'],
      ['Undersköterskor', 'Undersköterska'],
      ['Cadres commerciaux', 'Cadre commercial'],
      ['Telekommunikationsanalysten', 'Telekommunikationsanalyst'],
    ]) {
      const many = readTitle(plural);
      expect(many.function, plural).not.toBe('unknown');
      expect(many.function, plural).toBe(readTitle(singular).function);
    }
    // "-er" and "-en" are plural endings only of a person noun: "presser" is not "press", "producten" not "product".
    expect(readTitle('Presser').function).not.toBe('marketing');
    expect(readTitle('Steuerer').function).not.toBe('finance');
  });

  it('reads the plural of an ESCO occupation word as the word, in every language that inflects for number', () => {
    for (const [plural, singular] of [
      ['Sjöfartsinstruktörer', 'Sjöfartsinstruktör'],
      ['Elkonstruktörer', 'Elkonstruktör'],
      ['Kockar', 'Kock'],
      ['Komponisten', 'Komponist'],
      ['Seeleute', 'Seemann'],
      ['Werbefachleute', 'Werbefachmann'],
      ['Timmerlieden', 'Timmerman'],
      ['Criminologen', 'Criminoloog'],
      ['Leraren', 'Leraar'],
      ['Jueces', 'Juez'],
      ['Capataces', 'Capataz'],
      ['Diretores comerciais', 'Diretor comercial'],
      ['Responsáveis de armazém', 'Responsável de armazém'],
      ['Firemen', 'Fireman'],
    ]) {
      const many = readTitle(plural);
      expect(many.function, plural).not.toBe('unknown');
      expect(many.function, plural).toBe(readTitle(singular).function);
      expect(many.seniority, plural).toBe(readTitle(singular).seniority);
    }
  });

  it("drops job catalogues' feminine tails: Kaufmann/-frau, Sozialpädagoge/-pädagogin", () => {
    expect(words('Kaufmann/-frau für Büromanagement')).toEqual(['kaufmann', 'fur', 'buromanagement']);
    expect(words('Sozialpädagoge/-pädagogin')).toEqual(['sozialpadagoge']);
    expect(words('Leiter/-in Vertrieb')).toEqual(['leiter', 'vertrieb']);
    expect(readTitle('Sozialpädagoge/-pädagogin').function).toBe(readTitle('Sozialpädagoge').function);
  });

  it('reads catalogue notes and group words as no words (m.fl., n.e.c., n.c.o.p., Berufe, métiers)', () => {
    const plain = readTitle('Weinbauer');
    expect(plain.function).not.toBe('unknown');
    for (const title of ['Weinbauer m.fl.', 'Weinbauer n.e.c.', 'Weinbauer n.c.o.p.', 'Berufe: Weinbauer'])
      expect(readTitle(title).function, title).toBe(plain.function);
  });

  it("removes a catalogue's exclusion, frame and skill level, and says so", () => {
    for (const [title, plain, removed] of [
      [
        'Janitors and Cleaners, Except Maids and Housekeeping Cleaners',
        'Janitors and Cleaners',
        'except maids',
      ],
      ['Berufe in der Reinigung (ohne Spezialisierung)', 'Reinigung', 'ohne spezialisierung'],
      ['Cajeros y taquilleros (excepto bancos)', 'Cajeros y taquilleros', 'excepto bancos'],
      ['Ouvriers non qualifiés de la manutention', 'Ouvriers de la manutention', 'non qualifiés'],
      ['Overige administratief medewerkers', 'administratief medewerkers', 'overige'],
      ['Empregados de escritório em geral', 'Empregados de escritório', 'em geral'],
      ['Berufe in der Lagerwirtschaft - komplexe Spezialistentätigkeiten', 'Lagerwirtschaft', 'komplexe'],
    ]) {
      const read = readTitle(title);
      expect(read.reasons.join('; '), title).toContain(`removed`);
      expect(read.reasons.join('; '), title).toContain(removed);
      expect({ seniority: read.seniority, function: read.function }, title).toEqual({
        seniority: readTitle(plain).seniority,
        function: readTitle(plain).function,
      });
    }
    // "SEM" (search engine marketing) is no exclusion word: only whole words of the list open one.
    expect(readTitle('SEO/SEM Manager').function).toBe('marketing');
  });

  it('reads staff words ending a compound or opening a group name as staff, not as HR', () => {
    for (const title of [
      'Verkaufspersonal',
      'Kundtjänstpersonal',
      'Personal de ventas',
      'Personnel de cuisine',
    ])
      expect(readTitle(title).function, title).not.toBe('hr');
    expect(readTitle('Verkaufspersonal').function).toBe('sales');
    for (const title of ['Personalleiter', 'Personalchef', 'Jefe de Personal', 'Responsabile del personale'])
      expect(readTitle(title).function, title).toBe('hr');
    // So are a catalogue's "-berufe", "-beroepen", "-yrken" (occupations in X) and German "-kraft" (a worker in X).
    for (const [title, fn] of [
      ['Verkaufsberufe', 'sales'],
      ['Pflegeberufe', 'healthcare'],
      ['Zorgberoepen', 'healthcare'],
      ['Verkaufskraft', 'sales'],
    ])
      expect(readTitle(title), title).toMatchObject({ seniority: 'entry', function: fn });
  });

  it('reads a hyphenated first part with the head of the compound after the conjunction', () => {
    for (const [title, shared, seniority, fn] of [
      ['Försäljnings- och marknadschefer', 'försäljningschefer', 'head', 'sales'],
      ['Inköps-, logistik- och transportchefer', 'logistikchefer', 'head', 'procurement'],
      ['Einkaufs- und Vertriebsleiter', 'einkaufsleiter', 'head', 'procurement'],
    ]) {
      const read = readTitle(title);
      expect(read.reasons.join('; '), title).toContain(`'${shared}'`);
      expect(read, title).toMatchObject({ seniority, function: fn });
    }
    // No conjunction after the hyphen, or no compound after it: the word reads alone.
    expect(words('IT-Leiter')).toEqual(['it', 'leiter']);
    expect(readTitle('Vertrieb- und Marketing').reasons.join('; ')).not.toContain('vertriebmarketing');
  });

  it('reads Italian "ai" between two words as the preposition, and AI as AI', () => {
    expect(readTitle('Addetti ai call center').function).toBe('customer_success');
    expect(readTitle('Addetti ai servizi di pulizia').function).toBe('other');
    expect(readTitle('Head of AI').function).toBe('data');
    expect(readTitle('head of ai').function).toBe('data');
    expect(readTitle('AI Engineer').function).toBe('data');
  });

  it('drops the German adjective ending after a slash (Technische/r, Angestellte/-r), but not the R of R&D', () => {
    expect(words('Technische/r Redakteur/in')).toEqual(['technische', 'redakteur']);
    expect(words('Kaufmännische/-r Angestellte/-r')).toEqual(['kaufmannische', 'angestellte']);
    expect(words('Engineering/R&D Manager')).toEqual(['engineering', '/', 'r&d', 'manager']);
    expect(words('Sales/R')).toEqual(['sales', '/', 'r']);
  });

  it('drops Romance gender and number notation: Empleado/a, Vendedor(a), Operatore/trice, Assistente/i', () => {
    expect(words('Empleado/a administrativo/a')).toEqual(['empleado', 'administrativo']);
    expect(words('Operatore/trice')).toEqual(['operatore']);
    expect(words('Technicien(ne) de maintenance')).toEqual(['technicien', 'de', 'maintenance']);
    for (const [written, plain] of [
      ['Assistente/i di vendita', 'Assistente di vendita'],
      ['Consulente/i commerciali', 'Consulente commerciali'],
      ['Trabajador/ora de almacén', 'Trabajador de almacén'],
      ['Vendedor(a)', 'Vendedor'],
    ]) {
      const read = readTitle(written);
      expect({ seniority: read.seniority, function: read.function }, written).toEqual({
        seniority: readTitle(plain).seniority,
        function: readTitle(plain).function,
      });
    }
    // Not after a single letter ("N/A", "I/O"), and not before a hyphen ("Sales/E-commerce").
    expect(words('N/A')).toEqual(['n', '/', 'a']);
    expect(words('Sales/E-commerce')).toEqual(['sales', '/', 'e', 'commerce']);
  });

  it('reads the three spellings of Geschäftsführer alike', () => {
    for (const title of ['Geschäftsführer', 'Geschaftsfuhrer', 'Geschaeftsfuehrer', 'GESCHÄFTSFÜHRERIN']) {
      expect(readTitle(title), title).toMatchObject({ seniority: 'c_level', function: 'executive' });
    }
  });

  it('removes the employer, pronouns, degrees and taglines and says so', () => {
    const result = readTitle('VP Sales @ Acme Corp (she/her), MBA | Helping teams close more deals', {
      name: 'Acme',
    });
    expect(result).toMatchObject({ seniority: 'vp', function: 'sales' });
    expect(result.reasons.join(' ')).toMatch(/removed company name 'acme'.*removed '@ corp'/);
    expect(result.reasons.join(' ')).toMatch(/removed tagline/);
    expect(result.reasons.join(' ')).toMatch(/pronouns/);
  });

  it('reads the company name given beside the title as noise', () => {
    const result = readTitle('Globex | Head of Procurement', { name: 'Globex' });
    expect(result).toMatchObject({ seniority: 'head', function: 'procurement' });
    expect(result.reasons[0]).toBe("removed company name 'globex'");
  });

  it('keeps the highest rung of a compound title and the others as secondary functions', () => {
    expect(readTitle('Founder & CTO')).toMatchObject({ seniority: 'owner', function: 'engineering' });
    expect(readTitle('Head of Sales and Marketing')).toMatchObject({
      seniority: 'head',
      function: 'sales',
      secondaryFunctions: ['marketing'],
    });
  });

  it('abstains on empty and former titles with a reason and low confidence', () => {
    for (const title of ['', 'n/a', '😀', 'Former VP Sales', 'Retired']) {
      const result = readTitle(title);
      expect(result, title).toMatchObject({ seniority: 'unknown', function: 'unknown', abstained: true });
      expect(result.confidence).toBeLessThan(0.2);
      expect(result.reasons.length).toBeGreaterThan(0);
    }
  });

  it('is more confident about a plain title than about an ambiguous acronym', () => {
    expect(readTitle('Chief Financial Officer').confidence).toBeGreaterThan(readTitle('CPO').confidence);
    expect(readTitle('VP Sales').confidence).toBeGreaterThan(readTitle('VP Sales and stuff xyz').confidence);
  });
});

describe('size band', () => {
  it('reads the head count first', () => {
    expect(sizeBand({ employees: 10 })).toBe('1-10');
    expect(sizeBand({ employees: 11 })).toBe('11-50');
    expect(sizeBand({ employees: 200 })).toBe('51-200');
    expect(sizeBand({ employees: 1000 })).toBe('201-1000');
    expect(sizeBand({ employees: 5000 })).toBe('1001-5000');
    expect(sizeBand({ employees: 5001, annualRevenue: 1 })).toBe('5001+');
  });

  it('estimates from revenue when the head count is missing, and says it is an estimate', () => {
    const reading = readSizeBand({ annualRevenue: 10_000_000 }, 100_000);
    expect(reading.band).toBe('51-200');
    expect(reading.reason).toMatch(/estimated/);
  });

  it('is unknown without usable facts', () => {
    for (const company of [
      null,
      undefined,
      {},
      { employees: 0 },
      { employees: Number.NaN },
      { employees: -3 },
    ]) {
      expect(sizeBand(company)).toBe('unknown');
    }
  });

  it('shifts Responsable to head in small firms only', () => {
    expect(readTitle('Responsable Achats', { employees: 40 }).seniority).toBe('head');
    expect(readTitle('Responsable Achats', { employees: 4000 }).seniority).toBe('manager');
  });
});
