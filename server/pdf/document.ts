/**
 * Building blocks shared by the dossier forms (Circular 01/2018/TT-VPCP): an A4 page laid out like a Vietnamese
 * administrative document (Decree 30/2020/NĐ-CP, Appendix I: margins top/bottom 2 cm, left 3 cm, right 1.5–2 cm,
 * Times 13 pt body, national header in two columns), paragraphs, numbered lines, the signature block, and
 * `renderToBuffer`. Every string is NFC-normalised here, the single place text reaches pdfkit.
 */
import PDFDocument from 'pdfkit';
import { type FontFace, fontName, registerFonts } from './fonts.ts';
import { nfc, vietnameseDateLine } from './format.ts';

export { vietnameseDateLine } from './format.ts';

const CM = 72 / 2.54;
export const BODY_SIZE = 13;
export const SMALL_SIZE = 11;
/** Extra space between lines of one paragraph, and between paragraphs (points). */
export const LINE_GAP = 1.5;
const PARAGRAPH_GAP = 3;

export type Align = 'left' | 'center' | 'right' | 'justify';

export interface TextStyle {
  readonly face?: FontFace;
  readonly size?: number;
  readonly align?: Align;
  /** Left edge of the text box; defaults to the left margin. */
  readonly x?: number;
  /** Width of the text box; defaults to the rest of the line. */
  readonly width?: number;
  /** Extra space after the paragraph. */
  readonly gapAfter?: number;
  /** First-line indent (prose paragraphs of a letter). */
  readonly indent?: number;
}

/** One run of a line mixing faces, e.g. a regular label and a bold value. */
export interface Segment {
  readonly text: string;
  readonly face?: FontFace;
}

/** Who issues the form: printed top-left in capitals; `place` starts the date line top-right. */
export interface HeaderInput {
  readonly parentName: string;
  readonly unitName: string;
  readonly place: string;
  /** "Số: …" under the issuer name, when the form is numbered. */
  readonly number?: string;
  /** Date of the place-and-date line; omitted → no date line. */
  readonly date?: Date;
}

/** A signature column: the position (bold capitals), a hint in italics, room to sign, the name in bold. */
export interface SignatureBlock {
  readonly title: string | readonly string[];
  readonly hint?: string;
  readonly name: string;
}

/**
 * The NFC lines of a text. pdfkit measures a "\n" with the width of a glyph and wraps a line that fits exactly
 * (leaving an empty line in narrow table cells), so explicit line breaks are drawn one line at a time.
 */
const lines = (text: string): string[] =>
  nfc(text)
    .split(/\r?\n/)
    .map((line) => (line === '' ? ' ' : line));

/** A pdfkit document with the page geometry and the text helpers of an administrative form. */
export class FormDoc {
  constructor(readonly pdf: PDFKit.PDFDocument) {}

  get left(): number {
    return this.pdf.page.margins.left;
  }
  get right(): number {
    return this.pdf.page.width - this.pdf.page.margins.right;
  }
  get width(): number {
    return this.right - this.left;
  }
  get top(): number {
    return this.pdf.page.margins.top;
  }
  get bottom(): number {
    return this.pdf.page.height - this.pdf.page.margins.bottom;
  }
  get y(): number {
    return this.pdf.y;
  }
  set y(value: number) {
    this.pdf.y = value;
  }

  /** Selects a face and size; returns the document for measuring. */
  use(face: FontFace = 'regular', size: number = BODY_SIZE): PDFKit.PDFDocument {
    return this.pdf.font(fontName(face)).fontSize(size);
  }

  /** Starts a new page when fewer than `height` points are left above the bottom margin. */
  ensureSpace(height: number): void {
    if (this.y + height > this.bottom) this.pdf.addPage();
  }

  moveDown(points: number): void {
    this.y += points;
  }

  /** Height `text` would take in a box of `width` with the given face and size. */
  measure(text: string, width: number, face: FontFace = 'regular', size: number = BODY_SIZE): number {
    const pdf = this.use(face, size);
    return lines(text).reduce((sum, line) => sum + pdf.heightOfString(line, { width, lineGap: LINE_GAP }), 0);
  }

  /**
   * Draws `text` in a box at (x, y) without moving the cursor of the flow, and returns its height. With `clip`, pdfkit
   * is kept from starting a page of its own when the box ends near the bottom margin (table cells).
   */
  box(text: string, x: number, y: number, style: TextStyle & { clip?: boolean } = {}): number {
    const width = style.width ?? this.right - x;
    const pdf = this.use(style.face, style.size);
    let top = y;
    for (const line of lines(text)) {
      const height = pdf.heightOfString(line, { width, lineGap: LINE_GAP });
      pdf.text(line, x, top, {
        width,
        align: style.align ?? 'left',
        lineGap: LINE_GAP,
        ...(style.clip ? { height: height + 2 } : {}),
      });
      top += height;
    }
    this.pdf.x = this.left;
    return top - y;
  }

  /** A paragraph from the current y; y moves below it (pdfkit breaks pages inside long paragraphs). */
  paragraph(text: string, style: TextStyle = {}): void {
    const x = style.x ?? this.left;
    for (const line of lines(text)) {
      this.use(style.face, style.size).text(line, x, this.y, {
        width: style.width ?? this.right - x,
        align: style.align ?? 'justify',
        lineGap: LINE_GAP,
        indent: style.indent ?? 0,
      });
    }
    this.y += style.gapAfter ?? PARAGRAPH_GAP;
    this.pdf.x = this.left;
  }

  /** One paragraph mixing faces ("Tiếp nhận hồ sơ của: " regular + name bold), left-aligned and wrapping. */
  rich(segments: readonly Segment[], style: Omit<TextStyle, 'face' | 'align'> = {}): void {
    const x = style.x ?? this.left;
    const width = style.width ?? this.right - x;
    const parts = segments.filter((s) => s.text !== '');
    parts.forEach((s, i) => {
      const options = { width, lineGap: LINE_GAP, continued: i < parts.length - 1 };
      const pdf = this.use(s.face, style.size);
      if (i === 0) pdf.text(nfc(s.text), x, this.y, { ...options, indent: style.indent ?? 0 });
      else pdf.text(nfc(s.text), options);
    });
    this.y += style.gapAfter ?? PARAGRAPH_GAP;
    this.pdf.x = this.left;
  }

  /** "Label: value" with the value in bold (or regular); nothing is drawn for an empty value. */
  field(
    label: string,
    value: string,
    options: { bold?: boolean } & Omit<TextStyle, 'face' | 'align'> = {},
  ): void {
    if (value.trim() === '') return;
    this.rich(
      [{ text: `${label}: ` }, { text: value, face: options.bold === false ? 'regular' : 'bold' }],
      options,
    );
  }

  /** A list with hanging numbers ("1.", "2." …), each item wrapping under its own text. */
  numbered(
    items: readonly (string | readonly Segment[])[],
    style: Omit<TextStyle, 'align'> & { indent?: number } = {},
  ): void {
    const x = style.x ?? this.left;
    const indent = style.indent ?? 22;
    const width = (style.width ?? this.right - x) - indent;
    items.forEach((item, i) => {
      this.ensureSpace(this.measure('X', width, style.face, style.size));
      const y = this.y;
      this.use(style.face, style.size).text(`${i + 1}.`, x, y, { lineBreak: false });
      this.y = y;
      const box = { size: style.size, x: x + indent, width, gapAfter: style.gapAfter ?? 2 };
      if (typeof item === 'string') this.paragraph(item, { ...box, face: style.face });
      else this.rich(item, box);
    });
  }

  /** A centred bold capital title with an optional second line in regular type. */
  title(text: string, subtitle?: string): void {
    this.moveDown(10);
    this.ensureSpace(60);
    this.paragraph(text.toLocaleUpperCase('vi'), { face: 'bold', size: 14, align: 'center', gapAfter: 2 });
    if (subtitle) this.paragraph(subtitle, { align: 'center', gapAfter: 2 });
    this.moveDown(6);
  }

  /** A horizontal line centred on `cx`. */
  private rule(cx: number, y: number, length: number): void {
    this.pdf
      .moveTo(cx - length / 2, y)
      .lineTo(cx + length / 2, y)
      .lineWidth(0.6)
      .stroke();
  }

  /**
   * The national header: issuer (parent in capitals, unit in bold capitals, short rule) on the left; the national
   * name and motto (rule the width of the motto) on the right; then "Số: …" left and the italic date line right.
   */
  nationalHeader(h: HeaderInput): void {
    const isLandscape = this.pdf.page.width > this.pdf.page.height;
    const leftW = this.width * (isLandscape ? 0.36 : 0.4);
    const rightW = this.width * (isLandscape ? 0.46 : 0.6);
    const rightX = this.right - rightW;
    const y0 = this.top;
    const centred = { align: 'center' as const, gapAfter: 0, size: 12.5 };

    this.y = y0;
    this.paragraph(h.parentName.toLocaleUpperCase('vi'), { ...centred, x: this.left, width: leftW });
    this.paragraph(h.unitName.toLocaleUpperCase('vi'), {
      ...centred,
      face: 'bold',
      x: this.left,
      width: leftW,
    });
    const leftRuleY = this.y + 2;
    this.rule(this.left + leftW / 2, leftRuleY, leftW / 3);

    this.y = y0;
    this.paragraph('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', {
      ...centred,
      face: 'bold',
      x: rightX,
      width: rightW,
    });
    const motto = 'Độc lập - Tự do - Hạnh phúc';
    this.paragraph(motto, { ...centred, size: 13, face: 'bold', x: rightX, width: rightW });
    const mottoWidth = this.use('bold', 13).widthOfString(nfc(motto));
    const rightRuleY = this.y + 2;
    this.rule(rightX + rightW / 2, rightRuleY, mottoWidth);

    const rowY = Math.max(leftRuleY, rightRuleY) + 8;
    let end = rowY;
    if (h.number) {
      this.y = rowY;
      this.paragraph(`Số: ${h.number}`, { align: 'center', x: this.left, width: leftW, gapAfter: 0 });
      end = Math.max(end, this.y);
    }
    if (h.date) {
      this.y = rowY;
      const line = vietnameseDateLine(h.place, h.date);
      this.paragraph(line, { face: 'italic', align: 'center', x: rightX, width: rightW, gapAfter: 0 });
      end = Math.max(end, this.y);
    }
    this.y = end + 4;
  }

  /** Height of a signature column, to keep the block on one page. */
  private signatureHeight(block: SignatureBlock, width: number, room: number): number {
    const titles = typeof block.title === 'string' ? [block.title] : block.title;
    const titleH = titles.reduce((sum, t) => sum + this.measure(t, width, 'bold', BODY_SIZE), 0);
    const hintH = block.hint === '' ? 0 : this.measure(block.hint ?? 'X', width, 'italic', BODY_SIZE);
    return titleH + hintH + room + this.measure(block.name || 'X', width, 'bold', BODY_SIZE);
  }

  /**
   * Signature columns side by side (two: left and right halves; one: the right half, where the signer signs on an
   * administrative document), `room` points to sign, then the name. `recipients` ("Nơi nhận") fills the left
   * half when there is a single signer.
   */
  signatures(
    blocks: readonly SignatureBlock[],
    options: { room?: number; recipients?: readonly string[] } = {},
  ): void {
    const room = options.room ?? 60;
    const colW = this.width / Math.max(2, blocks.length);
    const firstX = blocks.length === 1 ? this.left + this.width / 2 : this.left;
    const height = Math.max(...blocks.map((b) => this.signatureHeight(b, colW, room)));
    this.moveDown(8);
    this.ensureSpace(height);
    const y0 = this.y;
    let end = y0;
    blocks.forEach((block, i) => {
      const box = { x: firstX + i * colW, width: colW, align: 'center' as const, gapAfter: 0 };
      this.y = y0;
      for (const t of typeof block.title === 'string' ? [block.title] : block.title) {
        this.paragraph(t.toLocaleUpperCase('vi'), { ...box, face: 'bold' });
      }
      if (block.hint !== '') this.paragraph(block.hint ?? '(Ký, ghi rõ họ tên)', { ...box, face: 'italic' });
      this.moveDown(room);
      this.paragraph(block.name, { ...box, face: 'bold' });
      end = Math.max(end, this.y);
    });
    if (options.recipients && blocks.length === 1) {
      this.y = y0;
      const box = { x: this.left, width: colW - 10, gapAfter: 0, align: 'left' as const };
      this.paragraph('Nơi nhận:', { ...box, face: 'boldItalic', size: 12 });
      for (const r of options.recipients) this.paragraph(`- ${r}`, { ...box, size: 11 });
      end = Math.max(end, this.y);
    }
    this.y = end;
  }
}

export interface RenderOptions {
  /** Document title in the PDF metadata. */
  readonly title?: string;
  readonly landscape?: boolean;
}

/** Page numbers from the second page on, centred in the top margin (Decree 30/2020, Appendix I). */
function numberPages(pdf: PDFKit.PDFDocument): void {
  const { start, count } = pdf.bufferedPageRange();
  if (count < 2) return;
  for (let i = start + 1; i < start + count; i++) {
    pdf.switchToPage(i);
    const label = String(i - start + 1);
    pdf.font(fontName('regular')).fontSize(12);
    const x = (pdf.page.width - pdf.widthOfString(label)) / 2;
    pdf.text(label, x, pdf.page.margins.top / 2, { lineBreak: false });
  }
}

/** Runs `build` on a fresh A4 form (fonts registered, margins set) and returns the PDF bytes. */
export function renderToBuffer(build: (doc: FormDoc) => void, options: RenderOptions = {}): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const landscape = options.landscape ?? false;
    const pdf = new PDFDocument({
      size: 'A4',
      layout: landscape ? 'landscape' : 'portrait',
      // Landscape registers keep 2 cm all round (1.5 cm right) so that their many columns fit.
      margins: landscape
        ? { top: 2 * CM, bottom: 2 * CM, left: 2 * CM, right: 1.5 * CM }
        : { top: 2 * CM, bottom: 2 * CM, left: 3 * CM, right: 1.5 * CM },
      bufferPages: true,
      lang: 'vi-VN',
      displayTitle: true,
      info: { Title: nfc(options.title ?? 'motcua'), Creator: 'motcua', Producer: 'motcua (pdfkit)' },
    });
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    try {
      registerFonts(pdf);
      build(new FormDoc(pdf));
      numberPages(pdf);
      pdf.end();
    } catch (error) {
      reject(error);
    }
  });
}
