/**
 * The Tinos TTF files (metric-compatible with Times New Roman, full Vietnamese coverage) resolved from the installed
 * `@expo-google-fonts/tinos` package, and their registration in a pdfkit document under stable names.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export type FontFace = 'regular' | 'bold' | 'italic' | 'boldItalic';

const FILES: Record<FontFace, string> = {
  regular: '@expo-google-fonts/tinos/400Regular/Tinos_400Regular.ttf',
  bold: '@expo-google-fonts/tinos/700Bold/Tinos_700Bold.ttf',
  italic: '@expo-google-fonts/tinos/400Regular_Italic/Tinos_400Regular_Italic.ttf',
  boldItalic: '@expo-google-fonts/tinos/700Bold_Italic/Tinos_700Bold_Italic.ttf',
};

/** Absolute paths of the four Tinos faces; throws at import time when the package is missing. */
export const FONT_PATHS: Readonly<Record<FontFace, string>> = Object.freeze(
  Object.fromEntries(Object.entries(FILES).map(([face, spec]) => [face, require.resolve(spec)])) as Record<
    FontFace,
    string
  >,
);

/** The name each face is registered under in a document (`doc.font(fontName('bold'))`). */
export const fontName = (face: FontFace): string => `Tinos-${face}`;

/** Registers the four faces in a document and selects the regular one. */
export function registerFonts(doc: PDFKit.PDFDocument): void {
  for (const face of Object.keys(FONT_PATHS) as FontFace[])
    doc.registerFont(fontName(face), FONT_PATHS[face]);
  doc.font(fontName('regular'));
}
