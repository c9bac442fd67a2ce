/**
 * What is known about tear agents in water cannons, as data (domain brief
 * §6). The regional mayors asked the minister for exactly this analysis of
 * research and experience abroad (LOVP feedback, 24 November 2025).
 *
 * `strength` is how certain the point itself is, as the brief marks it:
 * 'verified' ([V]: checked against the named public source), 'medium'
 * ([V, medium confidence]) or 'absence' (searched for and not found).
 * `kind` says what sort of evidence it is, so nobody mistakes a police
 * statement or a regulation for a study.
 */
import type { Text } from '../../../machines';

export type EvidenceStrength = 'verified' | 'medium' | 'absence';

export interface EvidenceItem {
  id: string;
  where: Text;
  finding: Text;
  kind: Text;
  source: Text;
  strength: EvidenceStrength;
}

export const EVIDENCE: readonly EvidenceItem[] = [
  {
    id: 'netherlands',
    where: { nl: 'Nederland', en: 'The Netherlands' },
    finding: {
      nl: 'Veldtest in december 2025. De politie concludeert zelf dat het “zeer effectief is om acuut gevaar af te wenden”. Er is geen onderzoek gepubliceerd.',
      en: 'Field test in December 2025. The police’s own conclusion: “very effective to avert acute danger”. No study has been published.',
    },
    kind: {
      nl: 'eigen conclusie van de politie na een veldtest; geen gepubliceerd onderzoek',
      en: 'the police’s own conclusion after a field test; no published study',
    },
    source: { nl: 'Politie, december 2025', en: 'Dutch police, December 2025' },
    strength: 'verified',
  },
  {
    id: 'germany',
    where: { nl: 'Duitsland', en: 'Germany' },
    finding: {
      nl: 'Het politievoorschrift PDV 122 (tekst van 1985) liet de commandant CN-traangas aan het water toevoegen: 150 mg/l, tot 300 mg/l onder +10 °C. Meerdere deelstaten staan het toe.',
      en: 'Police regulation PDV 122 (1985 text) let the commander order CN tear gas admixture: 150 mg/l, up to 300 mg/l below +10 °C. Several Länder allow it.',
    },
    kind: { nl: 'politievoorschrift (regelgeving, geen onderzoek)', en: 'police regulation (rules, not research)' },
    source: { nl: 'Polizeidienstvorschrift PDV 122 (1985)', en: 'Polizeidienstvorschrift PDV 122 (1985)' },
    strength: 'medium',
  },
  {
    id: 'unitedKingdom',
    where: { nl: 'Verenigd Koninkrijk', en: 'United Kingdom' },
    finding: {
      nl: 'In 2015 werd de waterwerper voor Engeland en Wales geweigerd: medische risico’s, beperkingen tegen snelle en beweeglijke ongeregeldheden, en legitimiteit. Het gaat om de waterwerper zelf, niet om traanverwekkende stof.',
      en: 'In 2015 the water cannon was refused for England and Wales: medical risks, limits against fast and agile disorder, and legitimacy. This concerns the water cannon itself, not a tear agent.',
    },
    kind: { nl: 'overheidsbesluit met motivering', en: 'government decision with its reasons' },
    source: { nl: 'gov.uk (2015)', en: 'gov.uk (2015)' },
    strength: 'verified',
  },
  {
    id: 'hongKong',
    where: { nl: 'Hongkong', en: 'Hong Kong' },
    finding: {
      nl: 'In 2019 trof gekleurd water, naar verluidt met een prikkelende stof, een moskee en omstanders; de autoriteiten boden excuses aan.',
      en: 'In 2019 dyed water, reportedly irritant, hit a mosque and bystanders; officials apologised.',
    },
    kind: { nl: 'incident uit openbare berichtgeving', en: 'an incident from public reporting' },
    source: { nl: 'openbare berichtgeving (2019)', en: 'public reporting (2019)' },
    strength: 'medium',
  },
  {
    id: 'health',
    where: { nl: 'Gezondheid (internationaal)', en: 'Health (international)' },
    finding: {
      nl: 'Physicians for Human Rights en INCLO beschrijven de gezondheidsgevolgen van middelen voor massabeheersing, waaronder waterwerpers en prikkelende stoffen.',
      en: 'Physicians for Human Rights and INCLO describe the health effects of crowd-control weapons, water cannons and irritants among them.',
    },
    kind: {
      nl: 'rapport van mensenrechten- en artsenorganisaties',
      en: 'report by human-rights and medical organisations',
    },
    source: {
      nl: 'Physicians for Human Rights & INCLO, Lethal in Disguise (2016, 2023)',
      en: 'Physicians for Human Rights & INCLO, Lethal in Disguise (2016, 2023)',
    },
    strength: 'verified',
  },
  {
    id: 'noStudy',
    where: { nl: 'Onderzoek naar de werking', en: 'Research on effectiveness' },
    finding: {
      nl: 'Er is geen onafhankelijk, door vakgenoten getoetst onderzoek gevonden naar de werking van waterwerpers met prikkelende stof.',
      en: 'No independent peer-reviewed study of the effectiveness of irritant-laced water cannons was found.',
    },
    kind: { nl: 'zoektocht zonder resultaat', en: 'a search without result' },
    source: { nl: 'domeinbrief Paraat §6', en: 'Paraat domain brief §6' },
    strength: 'absence',
  },
];
