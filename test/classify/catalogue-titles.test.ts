import { describe, expect, it } from 'vitest';
import { readTitle } from '../../src/classify/index.ts';
import { readFixtureRows } from './rows.ts';

/**
 * Occupation titles in the style of national job catalogues (test/fixtures/titles-catalogue): US SOC/O*NET, German
 * KldB and Berufenet, French FAP/ROME, Spanish CNO-11, Portuguese CPP, Dutch BRC, Italian CP2011 and Swedish SSYK.
 * Their shapes are not CV shapes: plural group names ("Empleados de contabilidad"), coordination with a shared head
 * ("Försäljnings- och marknadschefer", "Bau- und Ausbauberufe"), frames ("Berufe in der …", "Métiers de la …",
 * "Overige …", "n.e.c.", "m.fl.") and notation ("/in", "/-frau", "(m/w/d)"). The rows were written from how each
 * catalogue names its groups, not copied, and labelled before the reader was run on them: staff groups are `entry`
 * unless they name a rank, functions follow the area decisions of the time (src/classify/data/isco-functions.json).
 * Rules were then written from the misses on these rows, so this is a development set, not a held-out one. It is a
 * target, not a regression list: the test fails only below the floors, which sit just under the last measurement.
 * `SHOW_MISSES=1 npx vitest run test/classify/catalogue-titles.test.ts` prints the misses.
 * First reading on 406 rows, before any rule was written from them: function 82.5% (English 90.6%, non-English
 * 81.3%: de 76.5, fr 82.0, es 78.0, pt 82.0, nl 86.0, it 76.0, sv 88.5), seniority 98.0%, placed 98.5%. Many misses
 * are area decisions (mechanics, drivers of mobile plant, installers), not catalogue shapes.
 * Rows were relabelled when the area decisions changed: mobile plant operators and maintenance trades became
 * operations (908faac, nine rows), retail shop staff and store managers other (7561f21, thirteen rows).
 * A second batch (catalogue-2.jsonl, 119 other occupations) was written after the first rounds of rules, to see
 * whether they generalise; on first reading: function 86.6% (English 93.3%, non-English 85.6%), seniority 98.3%,
 * placed 98.3%, against 93.8% function on the first batch at that time.
 * Measured on both before the third batch: function 93.9% (English 97.1%, non-English 93.4%), seniority 99.0%, placed 99.0%.
 * A third batch (catalogue-3.jsonl, 424 other occupations: KldB/Berufenet with gender notation, ROME fiches and PCS, CNO-11,
 * CPP and Brazilian CBO, BRC and Flemish VDAB names, CP2011, SSYK 2012, UK SOC 2020, US SOC and ANZSCO; none of them
 * equal to a title of any other fixture table) was labelled before reading. First reading (`npx tsx` over the file alone):
 * function 78.3% (English 80.7%, non-English 77.9%: de 80.3, fr 78.6, es 71.7, pt 78.6, nl 81.6, it 72.3, sv 80.8),
 * seniority 94.8% (balanced over the seven rungs present 92.6%), placed 97.6%. All three batches then: function 86.9%
 * (non-English 86.5%), seniority 97.2%, placed 98.4%.
 * Rules were then written from classes of its misses, the same way in every language (a bare service word yields to a
 * named area; child care, public service, agriculture, data entry, pharmacy and medical laboratory, medical secretaries,
 * construction workers vs whoever runs the works, catalogue frames such as "professioni assimilate", Flemish bediende /
 * verantwoordelijke / technicus, French cadres and "Direction de …"). Measured now on the third batch: function 94.8%
 * (English 93.0%, non-English 95.1%), seniority 99.3% (balanced 99.9%), placed 99.5%; on all three: function 94.5%
 * (non-English 94.4%), seniority 99.5%, placed 99.5%. Only the first readings above measure generalisation.
 * A fourth batch (catalogue-4.jsonl, 87 other occupations in the same catalogues) was labelled after those rules, to see
 * whether they carry over; on first reading: function 79.3% (English 81.3%, non-English 78.9%), seniority 97.7%, placed
 * 97.7%. All four batches then: function 93.2% (non-English 93.2%), seniority 99.3%, placed 99.3%. After rules for its
 * classes (occupational safety and guards are not IT security; dental and hearing technicians are care; air traffic
 * controllers are not controllers): batch 4 88.5%, 98.9%, 100.0%; all four 94.0% (non-English 94.1%), 99.4%, 99.5%.
 * A fifth batch (catalogue-5.jsonl, 359 other occupations, about 45 a language, written blind as a check on whether the
 * third batch's rules generalise: KldB/Berufenet, ROME fiches, PCS and FAP, CNO-11, CPP and CBO, BRC/ISCO-NL and Flemish
 * VDAB in plural, CP2011, SSYK 2012 with "m.fl." and "nivå 1", UK SOC 2020, US SOC and ANZSCO; none equal to a title of
 * any other fixture table) was labelled before reading and read first after those rules had landed. First reading:
 * function 82.7% (English 80.4%, non-English 83.1%: de 85.4, fr 80.0, es 75.6, pt 82.2, nl 91.3, it 80.0, sv 87.0),
 * seniority 96.9% (balanced over the seven rungs present 97.8%; manager 86%, from French "Management de …" and
 * "Maîtrise de …" fiches), placed 98.3%. One label that broke a written decision was then corrected (especialistas afins
 * is Specialist, `senior`): seniority 97.2%. All five batches then: function 91.1% (non-English 91.2%), seniority 98.9%,
 * placed 99.2%. After rules for two of its classes, the same in every language (care of older people is care work:
 * personas mayores, pessoas idosas, personnes âgées, anziani, ouderen; database administrators are IT; and the French
 * "Management de/des/et …" fiche names the manager rung): batch 5 function 83.6%, seniority 98.1% (balanced 98.8%),
 * placed 98.3%; all five 91.3% (non-English 91.5%), 99.1%, 99.2%.
 * A sixth batch (catalogue-6.jsonl, 411 titles, 44 to 57 a language, written blind to measure generalisation: occupations
 * and phrasings the first five do not have, many trades, services, plant operators and health professions, plus
 * managers and business roles; KldB/Berufenet, ROME fiches, PCS and FAP, CNO-11, CPP and CBO, BRC/ISCO-NL and VDAB,
 * CP2011, SSYK 2012, US and UK SOC, O*NET, ANZSCO and NOC; none equal to a title of any other fixture table) was
 * labelled before reading. Twelve labels that broke a decision already written in the data were corrected before the
 * first reading was recorded, each with a note: economists and actuaries are finance (the hand lexicon reads them, and
 * its reading decides over the ISCO table), Strategist is senior, Brunnenbauer is ESCO's well-digger (ISCO 8113), and
 * quality engineering is engineering. First reading (`npx tsx` over the file alone): function 78.1% (English 85.5%,
 * non-English 77.0%: de 80.7, fr 71.7, es 72.5, pt 71.4, nl 79.6, it 85.4, sv 77.6), seniority 95.6% (balanced over
 * the six rungs present 86.3%: c_level 1 of 2, director 12 of 14, from French "Direction de …" fiches), placed 95.4%.
 * All six batches then: function 88.4% (non-English 88.2%), seniority 98.3%, placed 98.3%, so the floors were lowered
 * to just under these. Rules were then written for its classes, the same way in every language (fixtures README, "From
 * the sixth catalogue batch": ROME "Direction de …" and "Encadrement de …" fiches, operators of plants and furnaces,
 * train drivers, medical secretaries, school professors, multimedia designers, and occupation vocabulary such as podiatry,
 * aquaculture, patents, mining, financial markets, insurance brokers and technical writers). Measured after them on the
 * sixth batch: function 93.4% (English 98.2%, non-English 92.7%), seniority 99.3% (balanced 98.1%), placed 99.3%; on
 * all six: function 92.3% (non-English 92.1%), seniority 99.1%, placed 99.2%, and the floors went back up. Then the
 * craft trades ESCO files under machine operators or misreads (bookbinders, tailors and dressmakers, jewellers) and
 * livestock words: batch 6 function 95.6% (English 100.0%, non-English 94.9%), seniority 99.3%, placed 99.3%; all six
 * 92.8% (non-English 92.6%), 99.1%, 99.2%. From here the sixth batch is a development set too; only its first reading
 * measures generalisation.
 * Back on the fifth batch (83.8% function after hotel desk clerks), rules for seven more of its classes, each the same in
 * every language (fixtures README): a service word yields to an area only ESCO knows, and corporate/general services are
 * administration; a compound the rules explain no part of is read whole by ESCO's words, never by a fragment (magistrados,
 * voedingsindustrie); setters, operators and tenders and Verfahrensmechaniker are production; tax and social-insurance
 * officials of the state are public service; employment agents are hr; French "Management en …" and "Maîtrise de …" are
 * the manager rung; Swedish "chef, X" is the head of X and German Dirigent a conductor. Measured with the sixth batch's
 * rules in, and vocabulary the same misses showed (accoglienza is reception, Swedish planering planning, Flemish loonbediende a
 * payroll clerk): batch 5 function 87.7% (English 89.1%, non-English 87.5%), seniority 99.2% (balanced 99.6%), placed
 * 99.2%; all six 93.6% (non-English 93.5%), 99.3%, 99.4%.
 * A seventh batch (catalogue-7.jsonl, 234 titles: 35 to 45 each in French, Spanish, Portuguese and Italian, 16 to 20 each
 * in German, Dutch, Swedish and English; ROME fiches, PCS and FAP, CNO-11, CPP and CBO, CP2011, KldB/Berufenet, BRC/VDAB,
 * SSYK 2012, US and UK SOC, ANZSCO and NOC; crafts, health and care, protection, transport, legal and finance clerks,
 * none equal to a title of any other fixture table) was written blind after the sixth batch's rules and labelled before
 * reading. Eleven labels that broke a decision already in the data were corrected before the first reading, each with a
 * note: surveyors are engineering (the hand lexicon's surveyor, land surveyor, geometra) and school heads are head
 * (lexicon school-head). First reading (`npx tsx` over the file alone): function 85.5% (English 90.0%, non-English
 * 85.0%: de 93.8, fr 86.7, es 94.7, pt 87.8, it 77.1, nl 78.9, sv 70.0), seniority 94.4% (balanced over the five rungs
 * present 64.2%: head 1 of 4, school heads in plural or other wording; intern 0 of 1, Italian praticanti), placed
 * 94.9%, the unplaced being single words no rule or ESCO word knows (beekeepers Imker/Imkers/Apiarists, glass blowers,
 * piano tuners, fishmongers, car body repairers, removal workers). Other misses by class: notarial and court clerks
 * (notarieel, cartório, ufficiali giudiziari, commissaires de justice) read as other or operations instead of legal;
 * social educators read as teachers; crafts misread as operations by an ESCO word (pierre, pellettieri, takmontörer);
 * payroll and debt collection words (paghe, processamento salarial, agencias de cobro, Account Collectors). All seven
 * batches then: function 92.7% (non-English 92.5%), seniority 98.8%, placed 98.9%, so the seniority and placed floors
 * were lowered to 0.98, just under these. Rules were then written for three of its classes, the same way in every
 * language (hand lexicon): notarial and court clerks are legal (notarieel, Notariatsassistent, escrevente de cartório,
 * ufficiale giudiziario, commissaire de justice, auxiliar de notaría), school heads in plural and other wording are head
 * (directores de centros educativos, diretores de escolas, dirigenti scolastici), and beekeepers and social educators
 * are other (Imker, apiarist, apicultor, apicoltore, biodlare; educador social, educatore professionale). Measured after
 * them on the seventh batch: function 90.2% (English 95.0%, non-English
 * 89.7%), seniority 97.4% (balanced 79.6%), placed 97.0%; all seven: function 93.3% (non-English 93.1%), seniority 99.1%,
 * placed 99.1%, and the floors went back up. Then payroll, debt collection and fishmongers, the same in every language: payroll
 * words (paghe, processamento salarial, salarisadministratie, Lohnabrechnung) are hr, debt and bill collectors and
 * collection words (cobro, recupero crediti, incasso, Inkassohandläggare, Account Collectors) finance, and fishmongers
 * (pescadero, peixeiro, pescivendolo, poissonnier, vishandelaar, fiskhandlare) shop staff, other: batch 7 function
 * 92.7% (English 100.0%, non-English 92.1%), seniority 97.9%, placed 97.9%; all seven 93.6% (non-English 93.4%),
 * 99.2%, 99.2%. Then removal workers and hand packers are operations (transport and storage labourers:
 * flyttarbetare, verhuizer, Umzugshelfer, déménageur, mozo de mudanzas, removalist, förpackare), and glass blowers and
 * piano tuners are crafts, other: batch 7 function 94.4% (English 100.0%, non-English 93.9%), seniority 99.1%, placed
 * 99.1%; all seven 93.8% (non-English 93.6%), 99.3%, 99.4%. Then crafts that ESCO's words misread as operations (roofers,
 * stonemasons, leather goods makers: takmontörer, tailleurs de pierre, pellettieri, maroquinerie) are other, and midwives
 * are healthcare in every language (ostetriche had read as teaching): batch 7 function 96.6% (English 100.0%, non-English
 * 96.3%), seniority 99.1%, placed 99.1%; all seven 94.1% (non-English 93.9%), 99.3%, 99.4%. Left on batch 7: car body
 * repairers (carrossiers, Autoschadeherstellers), nuclear plant operators (centrale read as a place word), furniture shop
 * sellers read as sales, a debt-collection agency read by its agency word, Brazilian building draughtsmen, Italian
 * home personal-care services (personali read as HR), praticanti as trainees, and Swedish skin therapists. From here the seventh batch is a development set too.
 * An eighth batch (catalogue-8.jsonl, 323 titles: 38 to 41 each in German, French, Spanish, Portuguese, Dutch, Italian and
 * Swedish, 44 in English; KldB/Berufenet with gender notation, ROME fiches and PCS, CNO-11, CPP and Brazilian CBO, BRC/ISCO-NL
 * and VDAB, CP2011, SSYK 2012 with "m.fl." and "nivå", US SOC, UK SOC 2020, ANZSCO and NOC; managers to armed forces, mostly
 * occupations and phrasings the first seven do not have, none equal to a title of any other fixture table) was written blind
 * after the seventh batch's rules and labelled before reading; the check against written decisions changed no label. First
 * reading (`npx tsx` over the file alone): function 76.8% (English 61.4%, non-English 79.2%: de 85.4, fr 67.5, es 80.0, pt
 * 77.5, nl 92.1, it 75.0, sv 77.5), seniority 95.7% (balanced over the seven rungs present 98.7%), placed 96.9%. English was
 * the weakest language this time. Misses by class: shop, market and in-store selling read as sales (Vente en articles de
 * sport, Animation de vente, Vendedores en quioscos o en mercadillos, Demonstrators and Product Promoters); security and system
 * words read as IT beside guards, plant safety and treatment plants (sicurezza, Security Screeners, System Operators); a
 * technician noun's engineering hint over an area only ESCO knows (higiene bucodental, servizi giudiziari); chemical words
 * read as research beside process operators; Dutch -begeleider read as a -leider rung; state officials read by their tax,
 * customs or policy words (impôts, aduanas, pouvoirs publics); bank and insurance client words read as customer service;
 * education and guidance read as training (utbildning, vocational); and single words nothing knows (Floristik, Prépresse,
 * Orderlies, Tandhygienister, Budförare, NCOs). All eight batches then: function 91.7% (non-English 91.9%), seniority 98.8%,
 * placed 99.0%, so the function and seniority floors were lowered to just under these.
 * Three of its labels that contradicted readings already written were then corrected, each with a note in its row (a
 * seller with no shop word stays sales: Vente en articles de sport; Hochschullehrer is senior as the lexicon reads it;
 * quality assurance is engineering as the lexicon and the fixtures README read QA). Rules were then written for its
 * classes, the same way in every language (fixtures README, "From the eighth catalogue batch"): socio- is a bound prefix
 * and companion nouns (begeleider, vejleder, vägledare) are no -leider rank; careers guidance is hr; guarding words
 * decide over a security word read as IT, plant safety and water treatment are operations; border control, the state's
 * tax inspection and public policy are public service; health, trade and service vocabulary (surgeons, dental
 * hygienists, orderlies, floristry, prepress, proofreaders, porters, NCOs, town planners, concrete and metal trades,
 * travel agencies, beauty care); the chemical process industry, process control and assembly are production; courts and
 * prosecutors are legal; a sales area holds against the technology it sells; vida and escritorio keep their own lemma.
 * Measured after them, landed beside the cross-language and cv-7 work, on the eighth batch: function 92.3% (English
 * 84.1%, non-English 93.5%: de 97.6, fr 90.0, es 97.5, pt 95.0, nl 97.4, it 92.5, sv 85.0), seniority 99.4% (balanced
 * 99.3%), placed 99.4%; on all eight: function 94.9% (English 93.5%, non-English 95.1%; lowest language sv 92.9%),
 * seniority 99.4%, placed 99.6%, and the floors went back up. Then catalogue vocabulary (auprès as a preposition, car body
 * repairers, road workers, bidelli, boscaioli, praticanti, skin therapists, power plants): all eight function 95.3%
 * (non-English 95.6%), seniority 99.6%, placed 99.8%. Then telemarketers and advertising sales (sales), labour relations
 * (hr) and management analysts (consulting), in every language: all eight function 95.6% (English 94.8%, non-English
 * 95.7%; lowest language sv 94.0%), seniority 99.6%, placed 99.8%. Left on batch 8: Dutch and Swedish compounds whose first part reads (Domstolssekreterare, Lednings- och
 * organisationsutvecklare, Möbel-, Küchen- und Umzugsservice), Swedish handel and utbildning (trade and education read as
 * sales and training), bank client advisers in French (Conseil clientèle en assurances, Gestion de clientèle bancaire),
 * English group names that pair a job with an ambiguous one (Routine Inspectors and Testers, Title Examiners, Abstractors,
 * Audio and Video Technicians, Water and Wastewater … System Operators). From here the eighth batch is a development set
 * too; only its first reading measures generalisation.
 * A ninth batch (catalogue-9.jsonl, 218 titles: 26 to 29 in each of German, French, Spanish, Portuguese, Dutch, Italian,
 * Swedish and English, in the same catalogue styles; managers to armed forces, with many crafts, agriculture and service
 * trades the first eight lack, none equal to a title of any other fixture table) was written blind after the eighth batch's
 * and the cross-lingual rules, to measure whether they generalise, and labelled before reading; the check against written
 * decisions changed one label before the reading (Juristes d'entreprise → senior, as Bedrijfsjurist). First reading
 * (`npx tsx` over the file alone): function 88.5% (English 84.6%, non-English 89.1%: de 96.6, fr 80.8, es 85.7, pt 96.2,
 * nl 85.7, it 96.3, sv 82.1), seniority 93.1% (balanced over the five rungs present 85.3%), placed 95.4%. Misses by class:
 * single craft and farm words nothing knows (Herradores, Sombrereros, Zadelmakers, Hoedenmakers, Hattmakare, Chapeleiros,
 * Mungitori, Skogsförvaltare: unknown/unknown); near words and false friends read by the word model or a prefix (Milliners
 * as milling, Sellerie as selling, Commercial Divers as sales, pierres and Pilotage de navire as operations, religiosos as
 * education); a sound or broadcasting technician read as engineering (Sound Engineering Technicians, Geluidstechnici); a
 * trade beside a plain worker or Meister word read as production (Ouvriers non qualifiés de l'électricité,
 * Straßenbauermeister); compound areas (gezondheidszorg unknown, Lönehandläggare as finance, Försäkringshandläggare and
 * Cajeros de banco as other); and rungs (Gestores / Gestori de fondos as manager, Juristes d'entreprise and
 * Specialistofficerare as entry). Three labels that contradicted decisions already written were then corrected, each with
 * a note in its row (Arquitectos paisajistas and Schade-experts → senior, as Architect and Expert; Retail sales supervisors
 * → sales, as Retail Sales Manager). All nine batches then: function 95.0% (non-English 95.2%), seniority 99.1%, placed
 * 99.5%, at or above the floors, which were left as they were. Then hatters, farriers and saddlers became craft trades in
 * every language (milliner, Hutmacher, chapelier, sombrerero, chapeleiro, cappellaio, hoedenmaker, hattmakare; farrier,
 * Hufschmied, herrador, maniscalco, hoefsmid, hovslagare; saddler, Sattler, talabartero, seleiro, sellaio, zadelmaker):
 * all nine 95.3%, 99.3%, 99.7%. Then vocabulary the same misses showed, each in the languages that lacked it: Swedish
 * lönehandläggare is payroll (hr), bank tellers are finance (cajero de banco, caixa bancário, cassiere di banca, guichetier
 * de banque, Bankkassierer), clergy are other (sacerdote, prêtre, Priester, religiosos, predikant, imam, rabbi), milkers are
 * farm work (mungitore, Melker, ordenhador, trayeur), Dutch gezondheidszorg is healthcare: all nine 95.5%, 99.4%, 99.8%.
 * From here the ninth batch is a development set too.
 * A tenth batch (catalogue-10.jsonl, 312 titles: 62 English and 35 or 36 in each of German, French, Spanish, Portuguese,
 * Dutch, Italian and Swedish; KldB/Berufenet with "Berufe in der", /in and (m/w/d), ROME fiches, PCS/FAP "Cadres/Employés/
 * Ouvriers de" and Onisep "Métiers de", CNO-11 and SEPE, CPP and CBO, BRC/VDAB, CP2011, SSYK 2012 with nivå and m.fl. and
 * Arbetsförmedlingen names, US SOC/O*NET, UK SOC 2020 with n.e.c., ANZSCO, NOC; 28 director, 34 head, 76 manager, 20
 * senior, 5 c_level and 5 owner rows) was written blind after the ninth batch's rules, none equal to a title of any other
 * fixture table or to an ESCO label, labelled and committed before it was read. First reading (`npx tsx
 * test/classify/report.ts`): function 82.7% (English 67.7%, non-English 86.4%: de 83.3, fr 86.1, es 88.6, pt 88.9, nl 97.1,
 * it 83.3, sv 77.8), seniority 98.7% (balanced over the seven rungs present 99.2%; misses Mestre (construção civil) as
 * entry, School Principal as senior, Professor de educação infantil as senior, Panelbeater unknown), placed 96.5% (English
 * 87.1%). Misses by class: words no reader knows (zoo, lavanderia, natural sciences, emergency management, charitable,
 * skincare, storage, food processing, ambulance, panelbeater, attività industriali); ESCO's word model speaking for a
 * catalogue word (Datenverarbeitung and warehousing as data, archivage as healthcare, documentali as engineering,
 * epidemiologia, lunetterie and taxation as other, crews and laborers as other over a supervisor of operations); a
 * shop-floor lead or workshop word (Vorarbeiter, arbetsledare, taller, fordonsverkstad) reading operations over the trade,
 * cleaning or customer service named beside it; Swedish handel and fackhandel read as sales; health words losing to a
 * technique or laboratory word (Zahntechnik as engineering, laboratorio de diagnóstico clínico, sanità pubblica); teaching
 * and care words (a sport instructor, after-school and disability-support pedagogues); a systems or IT word over testing and
 * quality control (Systemtestare, Quality Control Systems Managers, IT quality and testing professionals); and single
 * compounds (Lönespecialist as finance, Verksamhetschefer as operations, cultura as hr, community as marketing, programs as
 * operations, online as marketing). Three labels that broke decisions already written were then corrected, each with a note
 * in its row (Cadres des services administratifs, comptables et financiers → finance, as catalogue.jsonl reads the same FAP
 * phrase; Direction d'exploitation en assurances → operations, as insurance is the industry and exploitation the area;
 * Book-keepers, payroll managers and wages clerks → hr, the function of the role at the highest rung): function 83.7%
 * (English 69.4%, non-English 87.2%). All ten batches then: function 94.2% (non-English 94.8%; English 90.6%, lowest
 * language sv 91.9%), seniority 99.3%, placed 99.4%, so the function floor was lowered to just under it (0.94). With the
 * eleventh batch beside it, before the rules from either: all eleven 93.3% (non-English 93.7%), 99.2%, 99.0% (floor 0.93).
 * Classes were then fixed in data, the same way in every language they concern (fixtures README, "From the tenth catalogue
 * batch"): logistics and production vocabulary (storage and warehousing, material handling, food processing, heavy
 * equipment) is operations; public safety, emergency management, civil protection and correctional services are public
 * service; ambulance, public health, epidemiology and optics are healthcare, and dental technology and clinical diagnostics
 * healthcare over a technique or laboratory word; cleaning, laundry, landscaping, natural sciences, charities, skin care,
 * zoos and panelbeaters are other; Nordic löne-/lønns- compounds are payroll (hr) and fackhandel, faghandel and "inom
 * handel" the retail trade; school principals, head teachers and school directors head a school, and a professor of an
 * education level is a school teacher; taxation is finance and Datenverarbeitung/EDB IT; software testers and testing are
 * engineering also beside a systems or IT word. After them, on the tenth batch:
 * function 92.9% (English 91.9%, non-English 93.2%: de 94.4, fr 97.2, es 91.4, pt 94.4, nl 97.1, it 86.1, sv 91.7),
 * seniority 99.7% (balanced 99.8%), placed 99.7%; on all ten: function 95.3% (English 94.4%, non-English 95.5%; lowest
 * language sv 93.9%), seniority 99.5%, placed 99.8%, so the function floor went back to 0.95. CV batches, title fixtures
 * and held-out titles did not move; ESCO held-out function 64.7 -> 64.8%, precision 70.5 -> 70.6%. Left on the tenth batch:
 * a systems word over quality control (Quality Control Systems Managers), Italian compounds and catalogue words (metalmeccanico, acquisizione di beni e servizi,
 * documentali, attività industriali, reparto beside grande distribuzione), Swedish verksamhet compounds and pedagogues in
 * care (Verksamhetschefer inom hälso- och sjukvård, Stödpedagoger, pedagogisch medewerkers in de buitenschoolse opvang),
 * Mestre (construção civil), and single phrasings (Online Merchants, Financial Quantitative Analysts, Government Programs,
 * Swimming Coach or Instructor). From here the tenth batch is a development set too; only its first reading measures
 * generalisation.
 * An eleventh batch (catalogue-11.jsonl, 263 titles: 40 each in French, Spanish, Portuguese and Italian, 39 Swedish, 25 each
 * Dutch and German, 14 English; ROME fiches, PCS and FAP, CNO-11 and SEPE, CPP and CBO, CP2011 and ISTAT, SSYK 2012 and
 * Arbetsförmedlingen, BRC and UWV, KldB/Berufenet, US and UK SOC) was written blind after the ninth batch's rules, in the long
 * tail the earlier batches lack (inspectors, agents, officials and public-administration grades, health and social professions,
 * arts, sport, tourism, agriculture and fisheries, logistics, finance and insurance), with gendered and plural forms
 * (Técnicos/as, Addetti, -handläggare, -medewerkers), catalogue frames (n.c.o.p., não classificados, övriga, Overige) and rank
 * words (responsable, chef de, jefe de, encarregado, capo, direttore, chef för, hoofd, Leiter/in), none equal to a title of any
 * other fixture table, and labelled before reading; the check against written decisions changed no label. First reading
 * (`npx tsx test/classify/report.ts` over the file alone): function 82.9% (English 78.6%, non-English 83.1%: de 88.0, fr 77.5,
 * es 85.0, pt 90.0, nl 80.0, it 82.5, sv 79.5), seniority 97.7% (balanced over the seven rungs present 96.7%: entry 153 of
 * 158, intern 4 of 5), placed 95.1%. Misses by class: a technician noun's engineering hint over an area the rest names
 * (Techniciens en radioprotection, Técnicos de microinformática, Técnicos en integración social, Tecnici dei musei, Tecnici della
 * riabilitazione psichiatrica); crop and animal culture read as the people-and-culture hr word or as the arts (Chefs de culture
 * en maraîchage, conchyliculture; kulturverksamhet as operations); security words read as IT beside safety inspection, QHSE and
 * aviation screening (sécurité, säkerhetsinspektörer, luchtvaartbeveiliging); rank words inside a job name (Chef d'orchestre as
 * chef de, Reisleiders as a -leider, Praticanti avvocati as one entry phrase); a farm or forestry word over a machine or plant
 * operator (maquinaria forestal, máquinas agrícolas), a chemical word over a process plant (instalaciones de procesamiento
 * químico); areas read by a neighbouring word (centros de atención as customer service, banco as a bank, control as finance,
 * formation d'apprentis as training, producción audiovisual as production, Government Programs as operations, développement local
 * as engineering, gemeente as other, Lönespecialister and Försäkringsrådgivare as finance, omsorgspersonal as education); and
 * words nothing knows (Registi, Pescatori d'alto mare, Museumspädagoge, archiviazione, Biståndshandläggare, Skadehandläggare,
 * ekonomiavdelningen, thuiszorg, Soziales, inspection du travail, caixas, Emergency Management). The nine earlier batches and
 * this one then: function 94.3% (non-English 94.4%), seniority 99.2%, placed 99.3%, under the function floor of 0.95, which was
 * lowered to 0.94 for this reading only and is raised back after the classes below.
 * One label that contradicted a reading already written was then corrected, with a note in its row (Praticanti avvocati →
 * entry, as the lexicon reads praticante avvocato and titles/it.jsonl labels Praticante Avvocato).
 * Rules were then written for its classes, the same way in every language (fixtures README, "From the eleventh catalogue
 * batch"): conductors and tour leaders are no chef de / -leider rank; crop and animal culture (-culture, -cultura, -coltura,
 * chef de culture) is farming, cultural institutions the arts; a technician noun yields to radiation protection, microcomputing,
 * social integration, museums and rehabilitation; bare security words yield to any named area (QHSE lists), safety inspectors
 * are operations and airport security screening guarding; labour inspection, emergency management, government benefit
 * programmes and a public body's social affairs are public service or social work; care of older people, nursing homes and
 * home care are healthcare; operators of farm and forestry machines and chemical processing are production; Swedish löne- is
 * payroll, claims handlers finance, tourism other. Measured after them on the eleventh batch: function 93.5% (English 92.9%,
 * non-English 93.6%: de 100.0, fr 90.0, es 97.5, pt 95.0, nl 92.0, it 87.5, sv 94.9), seniority 99.2% (balanced 99.8%),
 * placed 98.1%; on all batches in this directory: function 95.4% (English 94.5%, non-English 95.6%; lowest language sv 94.3%),
 * seniority 99.4%, placed 99.6%, and the function floor went back to 0.95. Left on batch 11: archives read by ESCO words
 * (archivage, archiviazione), maîtres-nageurs, développement local, centres de formation d'apprentis, producción audiovisual,
 * service stations (a retail-place rule cost ESCO held-out rows), caixas, outbound call centres, gemeente, operatori ecologici,
 * Registi, Pescatori, al banco, ekonomiavdelningen, insurance advisers and Animal Control. From here the eleventh batch is a
 * development set too; only its first reading measures generalisation.
 * With the tenth and eleventh batches' classes both landed: all eleven batches (3,156 rows) function 95.4% (English 94.9%,
 * non-English 95.5%; lowest language it 93.6%), seniority 99.5%, placed 99.7%, and the function floor is back at 0.95.
 */
const MIN_FUNCTION = 0.95;
const MIN_SENIORITY = 0.99;
const MIN_PLACED = 0.99;
/** No language may fall further than this below English on function. */
const MAX_GAP_TO_ENGLISH = 0.05;

interface Tally {
  rows: number;
  fn: number;
  seniority: number;
  placed: number;
}

describe('national job-catalogue titles (test/fixtures/titles-catalogue)', () => {
  const rows = readFixtureRows('titles-catalogue');

  it('reads catalogue titles in every language at least as well as measured', () => {
    expect(rows.length).toBeGreaterThan(150);
    const byLang = new Map<string, Tally>();
    const misses: string[] = [];
    for (const row of rows) {
      const result = readTitle(row.title, row.company);
      const okSeniority = result.seniority === row.seniority;
      const okFunction = result.function === row.function;
      const tally = byLang.get(row.lang ?? '?') ?? { rows: 0, fn: 0, seniority: 0, placed: 0 };
      tally.rows += 1;
      tally.fn += Number(okFunction);
      tally.seniority += Number(okSeniority);
      tally.placed += Number(result.seniority !== 'unknown' && result.function !== 'unknown');
      byLang.set(row.lang ?? '?', tally);
      if (!okSeniority || !okFunction)
        misses.push(
          `${row.source} ${row.lang} | ${row.title} | want ${row.seniority}/${row.function} | got ${result.seniority}/${result.function} | ${result.reasons.join('; ')}`,
        );
    }
    const pct = (n: number, of: number) => `${((n / of) * 100).toFixed(1)}%`;
    const lines = [...byLang].map(
      ([lang, t]) =>
        `  ${lang}: ${t.rows} rows, function ${pct(t.fn, t.rows)}, seniority ${pct(t.seniority, t.rows)}, placed ${pct(t.placed, t.rows)}`,
    );
    const total = [...byLang.values()].reduce(
      (sum, t) => ({
        rows: sum.rows + t.rows,
        fn: sum.fn + t.fn,
        seniority: sum.seniority + t.seniority,
        placed: sum.placed + t.placed,
      }),
      { rows: 0, fn: 0, seniority: 0, placed: 0 },
    );
    const english = byLang.get('en');
    const others = [...byLang]
      .filter(([lang]) => lang !== 'en')
      .reduce((sum, [, t]) => ({ rows: sum.rows + t.rows, fn: sum.fn + t.fn }), { rows: 0, fn: 0 });
    process.stdout.write(
      `Catalogue titles: ${total.rows} rows, function ${pct(total.fn, total.rows)} (non-English ${pct(others.fn, others.rows)}), seniority ${pct(total.seniority, total.rows)}, placed ${pct(total.placed, total.rows)}\n${lines.join('\n')}\n`,
    );
    if (process.env.SHOW_MISSES) process.stdout.write(`${misses.join('\n')}\n`);
    expect(total.fn / total.rows).toBeGreaterThanOrEqual(MIN_FUNCTION);
    expect(total.seniority / total.rows).toBeGreaterThanOrEqual(MIN_SENIORITY);
    expect(total.placed / total.rows).toBeGreaterThanOrEqual(MIN_PLACED);
    expect(english).toBeDefined();
    if (english)
      expect(english.fn / english.rows - others.fn / others.rows).toBeLessThanOrEqual(MAX_GAP_TO_ENGLISH);
  });
});
