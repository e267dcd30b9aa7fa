import type { ActionModel } from './scoring.js';

/**
 * The weights of the action signals, fitted on all 5 annotated plans
 * (499 candidates, 125 of them actions of the gold) by
 * `npm run fit:import`. Do not edit by hand: refit when recognizers or annotations change.
 */
export const DEFAULT_ACTION_MODEL: ActionModel = {
  bias: -0.365,
  threshold: 0.5,
  weights: {
    codice: 0.334,
    'elenco-annunciato': 0.274,
    'forma-di-azione': 1.003,
    'introduce-elenco': -0.091,
    'marcatore-elenco': -1.003,
    'micro-azioni': -0.421,
    'parola-di-azione': 0.017,
    responsabili: 0.964,
    'riconosciuto:azione-con-micro-azioni': -0.524,
    'riconosciuto:blocco-responsabilita-tempi': 0.571,
    'riconosciuto:elenco-annunciato': 0.274,
    'riconosciuto:scheda-obiettivo': 0.28,
    'riconosciuto:tabella-colonne-anno': 0.402,
    'riconosciuto:voce-di-elenco': -1.003,
    'righe-unite': -0.146,
    risultati: 0.428,
    'scadenza-lontana': 0.283,
    'scadenza-nel-piano': 0.331,
    'scadenza-prima-del-piano': -0.147,
    tempi: 0.993,
    'tempi-della-frase': 0.274,
    'tempi-nel-testo': -0.78,
    'tempi-non-datati': 0.319,
    'tempo-passato': -0.03,
    'titolo-breve': 0.436,
    'titolo-lungo': -0.565,
    'trovata-due-volte': 0.594,
    'verbo-infinito': -0.219,
  },
};
