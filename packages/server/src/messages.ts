/**
 * zod/mini ships without messages ("Invalid input"). The server's 422 `fields` and the `cases import`
 * report read better with the English ones: imported for this side effect by app.ts and cases.ts.
 */
import { z } from 'zod/mini';

z.config(z.locales.en());
