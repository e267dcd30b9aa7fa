/**
 * The interface's words for every page (header, footer, navigation, errors),
 * in Italian (the first language) and English. `en` has the type of `it` with every string
 * widened, so a message missing from `en`, or taking other parameters, is a type error.
 * index.ts joins every area into one catalog per language.
 */
import type { Widen } from '../../documents/labels.js';

const it = {
  htmlLang: 'it',
  siteName: 'piano',
  siteTagline: 'I piani triennali per l’informatica degli enti pubblici',
  skipToContent: 'Vai ai contenuti',
  skipToFooter: 'Vai al footer',
  languageNav: 'Scelta della lingua',
  languageCurrent: 'lingua attiva',
  languages: { it: 'Italiano', en: 'English' },
  languageShort: { it: 'ITA', en: 'ENG' },
  mainNav: 'Menu principale',
  navHome: 'Home',
  navOrganizations: 'Enti e piani',
  navAbout: 'Cos’è un piano triennale',
  navApi: 'API e dati aperti',
  signIn: 'Accedi',
  breadcrumb: 'Percorso di navigazione',
  home: 'Home',
  pageTitle: (title: string) => `${title} – piano`,

  footerAbout: 'Il progetto',
  footerAboutText:
    'Il piano triennale per l’informatica di ogni ente, come dati strutturati e sempre aggiornati: leggibile da tutti, riusabile come dati aperti.',
  footerLinks: 'Collegamenti',
  footerData: 'Dati e API',
  accessibilityStatement: 'Dichiarazione di accessibilità',
  privacy: 'Informativa privacy',
  legalNotes: 'Note legali',
  apiReference: 'Documentazione delle API',
  interchangeSchema: 'Schema del formato di interscambio',
  footerSmallPrints: 'Informazioni legali',
  sourceCode: 'Software libero (EUPL-1.2)',
  notFoundTitle: 'Pagina non trovata',
  notFoundText:
    'La pagina cercata non esiste, oppure il piano non è pubblicato. Controllare l’indirizzo o cercare l’ente dalla pagina iniziale.',
  errorTitle: 'Si è verificato un errore',
  errorText:
    'Non è stato possibile mostrare la pagina. Riprovare tra qualche minuto; se il problema continua, segnalarlo all’ente.',
  badRequestTitle: 'Richiesta non valida',
  goHome: 'Vai alla pagina iniziale',
} as const;

export type CommonMessages = Widen<typeof it>;

const en: CommonMessages = {
  htmlLang: 'en',
  siteName: 'piano',
  siteTagline: 'The three-year ICT plans of public bodies',
  skipToContent: 'Skip to content',
  skipToFooter: 'Skip to footer',
  languageNav: 'Choose a language',
  languageCurrent: 'current language',
  languages: { it: 'Italiano', en: 'English' },
  languageShort: { it: 'ITA', en: 'ENG' },
  mainNav: 'Main menu',
  navHome: 'Home',
  navOrganizations: 'Bodies and plans',
  navAbout: 'What a three-year plan is',
  navApi: 'API and open data',
  signIn: 'Sign in',
  breadcrumb: 'Breadcrumb',
  home: 'Home',
  pageTitle: (title) => `${title} – piano`,

  footerAbout: 'The project',
  footerAboutText:
    'Every public body’s three-year ICT plan as structured, current data: readable by everyone, reusable as open data.',
  footerLinks: 'Links',
  footerData: 'Data and API',
  accessibilityStatement: 'Accessibility statement',
  privacy: 'Privacy notice',
  legalNotes: 'Legal notes',
  apiReference: 'API reference',
  interchangeSchema: 'Interchange format schema',
  footerSmallPrints: 'Legal information',
  sourceCode: 'Free software (EUPL-1.2)',
  notFoundTitle: 'Page not found',
  notFoundText:
    'The page does not exist, or the plan is not published. Check the address or look for the body from the home page.',
  errorTitle: 'Something went wrong',
  errorText:
    'The page could not be shown. Try again in a few minutes; if the problem persists, report it to the body.',
  badRequestTitle: 'Invalid request',
  goHome: 'Go to the home page',
};

export const common = { it, en };
