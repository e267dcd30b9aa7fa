import type { ActionModel } from './scoring.js';

/**
 * The weights of the action signals, fitted on all 5 annotated plans
 * (501 candidates, 126 of them actions of the gold) by
 * `npm run fit:import`. Do not edit by hand: refit when recognizers or annotations change.
 */
export const DEFAULT_ACTION_MODEL: ActionModel = {
  bias: -0.07,
  threshold: 0.5,
  weights: {
    codice: 0.392,
    'elenco-annunciato': 0.252,
    'forma-di-azione': 1.272,
    'introduce-elenco': -0.074,
    'marcatore-elenco': -1.272,
    'micro-azioni': -0.388,
    'parola-di-azione': -0.032,
    responsabili: 0.546,
    'riconosciuto:azione-con-micro-azioni': -0.475,
    'riconosciuto:blocco-responsabilita-tempi': 0.679,
    'riconosciuto:elenco-annunciato': 0.252,
    'riconosciuto:scheda-obiettivo': 0.375,
    'riconosciuto:tabella-colonne-anno': 0.441,
    'riconosciuto:voce-di-elenco': -1.272,
    'righe-unite': -0.029,
    risultati: 0.49,
    'scadenza-lontana': 0.107,
    'scadenza-nel-piano': 0.229,
    'scadenza-prima-del-piano': -0.11,
    tempi: 0.611,
    'tempi-della-frase': 0.252,
    'tempi-nel-testo': -0.545,
    'tempi-non-datati': 0.188,
    'tempo-passato': -0.022,
    'titolo-breve': 0.231,
    'titolo-lungo': -0.469,
    'trovata-due-volte': 0.058,
    'verbo-infinito': -0.135,
  },
};
