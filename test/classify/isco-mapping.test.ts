import { describe, expect, it } from 'vitest';
import iscoData from '../../src/classify/data/isco-functions.json' with { type: 'json' };
import { IscoMappingSchema, iscoFunction } from '../../src/classify/isco.ts';

const mapping = IscoMappingSchema.parse(iscoData);

describe('ISCO-08 → function mapping (src/classify/data/isco-functions.json)', () => {
  it('gives every rule a reason and never repeats a rule', () => {
    const keys = mapping.rules.map((rule) => `${rule.isco}|${(rule.labelAny ?? []).join(',')}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const rule of mapping.rules) expect(rule.reason.length).toBeGreaterThan(8);
  });

  it('covers every ISCO-08 major group', () => {
    for (const major of '0123456789')
      expect(iscoFunction(mapping.rules, `${major}999`, 'x'), major).toBeDefined();
  });

  // The overlaps decided in test/fixtures/README.md, applied to ESCO's occupations the same way.
  it.each([
    ['3323', 'purchaser', 'procurement'],
    ['1324', 'purchasing manager', 'procurement'],
    ['2166', 'graphic designer', 'design'],
    ['2431', 'creative director', 'design'],
    ['2431', 'brand manager', 'marketing'],
    ['2431', 'business developer', 'sales'],
    ['1221', 'online sales channel manager', 'sales'],
    ['1221', 'digital marketing manager', 'marketing'],
    ['1219', 'project manager', 'operations'],
    ['1213', 'programme manager', 'operations'],
    ['4110', 'office clerk', 'operations'],
    ['3343', 'executive assistant', 'operations'],
    ['4226', 'receptionist', 'operations'],
    ['2512', 'software developer', 'engineering'],
    ['2511', 'data scientist', 'data'],
    ['2511', 'ICT system analyst', 'it'],
    ['1330', 'chief technology officer', 'engineering'],
    ['1330', 'chief information officer', 'it'],
    ['2421', 'business consultant', 'consulting'],
    ['2421', 'business analyst', 'operations'],
    ['2421', 'business intelligence manager', 'data'],
    ['2611', 'lawyer', 'legal'],
    ['2211', 'general practitioner', 'healthcare'],
    ['2330', 'secondary school teacher', 'education'],
    ['1120', 'managing director', 'executive'],
    ['8322', 'taxi driver', 'other'],
    ['3334', 'real estate agent', 'other'],
    ['1324', 'import export manager in meat and meat products', 'sales'],
    ['1324', 'pharmaceutical goods distribution manager', 'operations'],
    ['3331', 'import export specialist', 'sales'],
    ['3331', 'forwarding manager', 'operations'],
    ['2161', 'architect', 'engineering'],
    ['1420', 'shoe and leather accessories shop manager', 'other'],
    ['5223', 'bookshop specialised seller', 'other'],
    ['5230', 'cashier', 'other'],
    ['5243', 'door to door seller', 'sales'],
    ['5244', 'call centre agent', 'sales'],
    // Trades and manufacturing (taxonomy §4.4: manufacturing → operations, trade → other), decided once.
    ['7223', 'milling machine operator', 'operations'],
    ['7221', 'hydraulic forging press worker', 'operations'],
    ['7221', 'blacksmith', 'other'],
    ['7322', 'flexographic press operator', 'operations'],
    ['7543', 'precision device inspector', 'operations'],
    ['7233', 'industrial machinery mechanic', 'operations'],
    ['7233', 'agricultural machinery technician', 'other'],
    ['7232', 'aircraft maintenance technician', 'operations'],
    ['9312', 'road maintenance worker', 'operations'],
    ['8344', 'forklift operator', 'operations'],
    ['8342', 'excavator operator', 'operations'],
    ['3111', 'chemistry technician', 'other'],
    ['3111', 'material testing technician', 'operations'],
    ['3113', 'electrical engineering technician', 'engineering'],
    ['4224', 'hospitality establishment receptionist', 'operations'],
    ['2133', 'environmental expert', 'operations'],
    ['7231', 'motor vehicle mechanic', 'other'],
    ['7536', 'shoemaker', 'other'],
    ['8172', 'table saw operator', 'operations'],
    ['3423', 'horse riding instructor', 'education'],
    ['5165', 'driving instructor', 'education'],
    ['5164', 'dog trainer', 'other'],
  ])('ISCO %s "%s" → %s', (isco, label, fn) => {
    expect(iscoFunction(mapping.rules, isco, label)?.function).toBe(fn);
  });

  it('matches label words whole: "account" is not "accountant"', () => {
    expect(iscoFunction(mapping.rules, '1211', 'chief accountant')?.function).toBe('finance');
    expect(iscoFunction(mapping.rules, '1420', 'sales account manager')?.function).toBe('sales');
  });
});
