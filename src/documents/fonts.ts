/**
 * The typeface of the documents: Titillium Web, the typeface of the Italian public
 * administration's design system (Designers Italia), under the SIL Open Font Licence. Its TTF
 * files come from an npm package, so PDF and chart rendering need no system fonts.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const base = '@expo-google-fonts/titillium-web';

export const FONT_FAMILY = 'Titillium Web';
/** CSS font stack: the PA typeface when the reader has it, a system sans-serif otherwise. */
export const CSS_FONT_STACK = "'Titillium Web', 'Segoe UI', Roboto, Arial, sans-serif";

export const FONT_FILES = {
  regular: require.resolve(`${base}/400Regular/TitilliumWeb_400Regular.ttf`),
  italic: require.resolve(`${base}/400Regular_Italic/TitilliumWeb_400Regular_Italic.ttf`),
  semibold: require.resolve(`${base}/600SemiBold/TitilliumWeb_600SemiBold.ttf`),
  bold: require.resolve(`${base}/700Bold/TitilliumWeb_700Bold.ttf`),
} as const;
