/**
 * The words of a plan's documents and publication page in the back office: the lifecycle steps,
 * the approval act, the downloads. Keys start with `pu`.
 */
import type { Widen } from '../../documents/labels.js';

const it = {
  puTitle: 'Documenti e pubblicazione',
  puTitleOf: (plan: string) => `Documenti e pubblicazione: ${plan}`,
  puStatus: 'Stato del piano',
  puStatusIs: (status: string) => `Stato attuale: ${status}.`,
  puApprovalAct: (organ: string, number: string, date: string) =>
    `Approvato da ${organ} con deliberazione n. ${number} del ${date}.`,
  puSignedFile: 'Scarica l’atto firmato',
  puSteps: 'Ciclo di vita',
  puStepsIntro:
    'Il piano passa da bozza a proposta, approvazione e pubblicazione. Dall’approvazione in poi il contenuto non si modifica più: restano aggiornabili lo stato e l’avanzamento delle azioni e le rilevazioni degli indicatori.',
  puPropose: 'Proponi per l’approvazione',
  puProposeText:
    'Quando la bozza è pronta, proponila: da quel momento gli editor non la modificano più e l’RTD la porta in approvazione.',
  puSendBack: 'Rimanda in bozza',
  puApprove: 'Registra l’approvazione',
  puApproveText:
    'Registra l’atto con cui l’ente ha approvato il piano e carica la deliberazione firmata: piano ne conserva l’impronta SHA-256.',
  puOrgan: 'Organo che approva',
  puOrganHint: 'Per esempio “Giunta comunale”.',
  puNumber: 'Numero della deliberazione',
  puActDate: 'Data della deliberazione',
  puSignedFileField: 'Deliberazione firmata',
  puSignedFileHint: 'Un PDF o un file firmato P7M, al massimo 8 MB.',
  puPublish: 'Pubblica sul portale',
  puPublishText:
    'Pubblicando, il piano appare sul portale e nei dati aperti; la revisione pubblicata prima, se c’è, è sostituita.',
  puOpenPortal: 'Apri la pagina del piano sul portale',
  puAdminsOnly: 'Solo l’amministratore dell’ente (RTD) fa avanzare il piano.',
  puSuperseded: 'Questa revisione è stata sostituita da una più recente.',
  puDocuments: 'Documenti',
  puReportDate: 'Stato di attuazione alla data',
  puReportDateButton: 'Aggiorna i collegamenti',
  puPiao: 'Per il PIAO',
  puPiaoAnnex: 'Allegato alla sottosezione 2.1 del PIAO (DOCX)',
  puObjectivesDocx: (year: string) => `Obiettivi di performance per settore, ${year} (DOCX)`,
  puObjectivesCsv: (year: string) => `Obiettivi di performance per settore, ${year} (CSV)`,
  puProposed: 'Piano proposto per l’approvazione.',
  puSentBack: 'Piano rimandato in bozza.',
  puApproved: 'Approvazione registrata.',
  puPublished: 'Piano pubblicato.',
  puFileMissing: 'Scegli il file firmato della deliberazione',
  puDateInvalid: 'Scrivi una data valida',
  puRefusedTitle: 'Passo non eseguito',
} as const;

export type PublicationMessages = Widen<typeof it>;

const en: PublicationMessages = {
  puTitle: 'Documents and publication',
  puTitleOf: (plan) => `Documents and publication: ${plan}`,
  puStatus: 'Status of the plan',
  puStatusIs: (status) => `Current status: ${status}.`,
  puApprovalAct: (organ, number, date) =>
    `Approved by ${organ} with resolution no. ${number} of ${date}.`,
  puSignedFile: 'Download the signed act',
  puSteps: 'Lifecycle',
  puStepsIntro:
    'The plan goes from draft to proposal, approval and publication. From approval on, its content no longer changes: the status and progress of actions and the measurements of indicators stay updatable.',
  puPropose: 'Propose for approval',
  puProposeText:
    'When the draft is ready, propose it: from then on editors no longer change it and the RTD takes it to approval.',
  puSendBack: 'Send back to draft',
  puApprove: 'Record the approval',
  puApproveText:
    'Record the act by which the organization approved the plan and upload the signed resolution: piano keeps its SHA-256 fingerprint.',
  puOrgan: 'Approving body',
  puOrganHint: 'For instance “Giunta comunale”.',
  puNumber: 'Resolution number',
  puActDate: 'Resolution date',
  puSignedFileField: 'Signed resolution',
  puSignedFileHint: 'A PDF or a signed P7M file, at most 8 MB.',
  puPublish: 'Publish on the portal',
  puPublishText:
    'Once published, the plan appears on the portal and in the open data; the revision published before, if any, is superseded.',
  puOpenPortal: 'Open the plan’s page on the portal',
  puAdminsOnly: 'Only the organization’s administrator (RTD) moves the plan forward.',
  puSuperseded: 'This revision was superseded by a newer one.',
  puDocuments: 'Documents',
  puReportDate: 'Implementation status as of',
  puReportDateButton: 'Update the links',
  puPiao: 'For the PIAO',
  puPiaoAnnex: 'Annex to subsection 2.1 of the PIAO (DOCX)',
  puObjectivesDocx: (year) => `Performance objectives by unit, ${year} (DOCX)`,
  puObjectivesCsv: (year) => `Performance objectives by unit, ${year} (CSV)`,
  puProposed: 'Plan proposed for approval.',
  puSentBack: 'Plan sent back to draft.',
  puApproved: 'Approval recorded.',
  puPublished: 'Plan published.',
  puFileMissing: 'Choose the signed resolution file',
  puDateInvalid: 'Write a valid date',
  puRefusedTitle: 'Step not taken',
};

export const publication = { it, en };
