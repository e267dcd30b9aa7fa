import { crc32, deflateRawSync } from 'node:zlib';
import {
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import PDFDocument from 'pdfkit';

/**
 * Real files for the converters, made in the tests from a small synthetic plan (our own text,
 * not a seed): a DOCX written with the docx package, PDFs written with pdfkit, and hand-built
 * zip archives for the zip-bomb cases.
 */

export const SAMPLE = {
  organization: 'Comune di Poggio Sereno',
  title: 'Piano triennale per l’informatica 2025 – 2027',
  priorities: [
    {
      title: 'Priorità 1 – Servizi online',
      actions: [
        {
          title: 'Attivazione della prenotazione online della carta d’identità elettronica',
          body: 'I cittadini prenotano l’appuntamento dal sito con SPID o CIE.',
          responsibles: 'Responsabile dei Servizi demografici, RTD',
          timing: 'entro il 30 giugno 2025',
        },
        {
          title: 'Pagamento con pagoPA di tutte le entrate patrimoniali',
          body: 'Le entrate ancora riscosse con bonifico passano su pagoPA.',
          responsibles: 'Responsabile del Servizio finanziario',
          timing: 'entro il 31 dicembre 2026',
        },
      ],
    },
    {
      title: 'Priorità 2 – Infrastrutture',
      actions: [
        {
          title: 'Migrazione del gestionale documentale in cloud qualificato',
          body: 'Il fornitore qualificato ospita il sistema di protocollo e conservazione.',
          responsibles: 'RTD, Amministratore di sistema',
          timing: 'entro il 2026',
        },
      ],
    },
  ],
  spending: [
    ['Misura 1.4.1', 'Esperienza del cittadino', 'PNRR', '€ 79.922,00'],
    ['Misura 1.2', 'Abilitazione al cloud', 'PNRR', '€ 47.427,00'],
  ],
};

export async function makeDocx(): Promise<Buffer> {
  const children: Array<Paragraph | Table> = [
    new Paragraph({
      children: [new TextRun({ text: SAMPLE.organization.toUpperCase(), bold: true })],
    }),
    new Paragraph({ text: SAMPLE.title, heading: HeadingLevel.TITLE }),
  ];
  for (const priority of SAMPLE.priorities) {
    children.push(new Paragraph({ text: priority.title, heading: HeadingLevel.HEADING_1 }));
    children.push(new Paragraph({ text: 'Azioni pianificate', heading: HeadingLevel.HEADING_2 }));
    for (const action of priority.actions) {
      children.push(
        new Paragraph({ children: [new TextRun({ text: action.title, italics: true })] }),
      );
      children.push(new Paragraph({ text: action.body }));
      children.push(new Paragraph({ text: 'Verifica con il fornitore', bullet: { level: 0 } }));
      children.push(label('Responsabilità:', action.responsibles));
      children.push(label('Tempi:', action.timing));
    }
  }
  children.push(
    new Paragraph({
      text: 'La spesa per la transizione al digitale',
      heading: HeadingLevel.HEADING_1,
    }),
  );
  const row = (cells: string[]) =>
    new TableRow({ children: cells.map((c) => new TableCell({ children: [new Paragraph(c)] })) });
  children.push(
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        row(['Titolo - Classe', 'Descrizione', 'Provenienza fondi', 'Importo']),
        ...SAMPLE.spending.map(row),
      ],
    }),
  );
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

function label(name: string, value: string): Paragraph {
  return new Paragraph({
    children: [new TextRun({ text: name, bold: true }), new TextRun(` ${value}`)],
  });
}

/** Writes a PDF with pdfkit and returns its bytes. */
function pdf(
  draw: (doc: PDFKit.PDFDocument) => void,
  options: PDFKit.PDFDocumentOptions = {},
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ autoFirstPage: false, ...options });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    draw(doc);
    doc.end();
  });
}

/**
 * The sample plan as a PDF a word processor would export: a running header and a page number on
 * every page, a word hyphenated at a line end, a table with its columns side by side.
 */
export function makePdf(): Promise<Buffer> {
  return pdf((doc) => {
    let page = 0;
    const newPage = () => {
      page += 1;
      doc.addPage({ size: 'A4', margin: 60 });
      doc.fontSize(8).text(`${SAMPLE.organization} – Piano triennale per l’informatica`, 60, 30);
      doc.fontSize(8).text(String(page), 290, 760, { lineBreak: false });
      doc.fontSize(11).text('', 60, 70);
    };
    newPage();
    doc.fontSize(18).text(SAMPLE.organization.toUpperCase());
    doc.fontSize(16).text(SAMPLE.title);
    doc.moveDown();
    doc
      .fontSize(11)
      .text(
        'Il presente piano descrive le azioni del triennio e la spesa prevista per la transizione al digi-',
      );
    doc.text('tale dell’ente, in coerenza con il Piano triennale nazionale.');
    for (const priority of SAMPLE.priorities) {
      newPage();
      doc.fontSize(15).text(priority.title);
      doc.fontSize(11).moveDown();
      for (const action of priority.actions) {
        doc.font('Helvetica-Oblique').text(action.title);
        doc.font('Helvetica').text(action.body);
        doc.text(`Responsabilità: ${action.responsibles}`);
        doc.text(`Tempi: ${action.timing}`);
        doc.moveDown();
      }
    }
    newPage();
    doc.fontSize(15).text('La spesa per la transizione al digitale');
    doc.fontSize(10);
    const columns = [60, 160, 330, 430];
    let y = doc.y + 20;
    for (const cells of [
      ['Titolo - Classe', 'Descrizione', 'Provenienza fondi', 'Importo'],
      ...SAMPLE.spending,
    ]) {
      cells.forEach((cell, k) => doc.text(cell, columns[k] ?? 60, y, { lineBreak: false }));
      y += 18;
    }
  });
}

/** Pages with drawings and no text at all: a scan. */
export function makeImageOnlyPdf(pages = 3): Promise<Buffer> {
  return pdf((doc) => {
    for (let p = 0; p < pages; p += 1) {
      doc.addPage({ size: 'A4' });
      for (let k = 0; k < 30; k += 1)
        doc.rect(60, 60 + k * 22, 400 - (k % 5) * 40, 12).fill('#333');
    }
  });
}

export function makeEncryptedPdf(): Promise<Buffer> {
  return pdf(
    (doc) => {
      doc.addPage();
      doc.text('Piano riservato: Responsabilità: RTD. Tempi: entro il 2025.');
    },
    { userPassword: 'segreta', ownerPassword: 'segretissima', pdfVersion: '1.7' },
  );
}

/** A long PDF: `pages` pages of plan-like text. */
export function makeLongPdf(pages: number): Promise<Buffer> {
  return pdf((doc) => {
    for (let p = 1; p <= pages; p += 1) {
      doc.addPage({ size: 'A4', margin: 50 });
      doc.fontSize(13).text(`Azione ${p}: intervento numero ${p} del piano`);
      doc.fontSize(10);
      for (let k = 0; k < 12; k += 1) {
        doc.text(
          `Descrizione dell’intervento ${p}, paragrafo ${k}: il Comune adegua i propri servizi digitali alle linee guida nazionali e ne misura l’uso.`,
        );
      }
      doc.text(`Responsabilità: RTD, Ufficio ${p % 7}`);
      doc.text(`Tempi: entro il 31 dicembre ${2025 + (p % 3)}`);
    }
  });
}

interface ZipEntry {
  name: string;
  data: Buffer;
  /** Size written in the headers; the real one unless a test wants a lying archive. */
  declaredSize?: number;
}

/** A zip archive built by hand, each entry deflated. */
export function makeZip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const compressed = deflateRawSync(entry.data, { level: 9 });
    const size = entry.declaredSize ?? entry.data.length;
    const crc = crc32(entry.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const DOCUMENT_XML =
  '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Piano</w:t></w:r></w:p></w:body></w:document>';

/** A DOCX-shaped zip with one part that inflates to `megabytes` of zeros (about 1000:1). */
export function makeZipBomb(megabytes = 200, lie = false): Buffer {
  const zeros = Buffer.alloc(megabytes * 1024 * 1024);
  return makeZip([
    { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
    { name: 'word/document.xml', data: Buffer.from(DOCUMENT_XML) },
    { name: 'word/media/image1.bin', data: zeros, ...(lie ? { declaredSize: 1000 } : {}) },
  ]);
}
