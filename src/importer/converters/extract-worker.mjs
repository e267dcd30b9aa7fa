// The one piece of the importer that runs in a worker thread: pdf.js and mammoth, the heavy
// libraries, read the file here, under the heap limit and the timeout the caller sets, and only
// plain data comes back. Plain JavaScript on purpose: the worker starts without the TypeScript
// loader, which would otherwise transpile pdf.js's megabytes on every import.
import { Buffer } from 'node:buffer';
import { parentPort, workerData } from 'node:worker_threads';

/** @param {{ kind: 'pdf' | 'docx', bytes: Uint8Array, maxPages: number, maxChars: number }} job */
async function run(job) {
  return job.kind === 'pdf' ? extractPdf(job) : extractDocx(job);
}

async function extractPdf({ bytes, maxPages, maxChars }) {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let pdf;
  try {
    pdf = await getDocument({
      data: bytes,
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      stopAtErrors: false,
      verbosity: 0,
    }).promise;
  } catch (error) {
    const name = error?.name ?? '';
    if (name === 'PasswordException') return { error: 'encrypted' };
    return { error: 'invalid', detail: String(error?.message ?? error) };
  }
  if (pdf.numPages > maxPages) return { error: 'too_many_pages', pages: pdf.numPages };
  const pages = [];
  let chars = 0;
  for (let n = 1; n <= pdf.numPages; n += 1) {
    const page = await pdf.getPage(n);
    const content = await page.getTextContent();
    const items = [];
    for (const item of content.items) {
      if (!('str' in item) || item.str === '') continue;
      const [a, b, , d, x, y] = item.transform;
      const size = Math.hypot(a, b) || Math.abs(d) || item.height || 10;
      items.push({ s: item.str, x, y, w: item.width, h: size });
      chars += item.str.length;
    }
    pages.push(items);
    page.cleanup();
    if (chars > maxChars) return { error: 'too_much_text' };
  }
  await pdf.destroy();
  return { pages };
}

async function extractDocx({ bytes, maxChars }) {
  const mammoth = (await import('mammoth')).default;
  try {
    const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
    if (result.value.length > maxChars * 4) return { error: 'too_much_text' };
    return { html: result.value };
  } catch (error) {
    return { error: 'invalid', detail: String(error?.message ?? error) };
  }
}

run(workerData).then(
  (result) => parentPort.postMessage(result),
  (error) => parentPort.postMessage({ error: 'invalid', detail: String(error?.message ?? error) }),
);
