import type { CatalogApi } from '@greenroom/plugin-catalog-react';
import { useCallback, useState } from 'react';
import { analyzeImportLocation } from './analyzeImportLocation';
import type { PreviewEntity } from './analyzeImportLocation';
import { parseLocationInput } from './parseLocationInput';
import type { ImportLocation, LocationInputProblem } from './parseLocationInput';

export type ImportError =
  | { type: 'input'; problem: LocationInputProblem }
  | { type: 'noEntities'; target: string }
  | { type: 'analyze'; error: Error }
  | { type: 'register'; error: Error };

export type ImportState =
  | { step: 'select'; busy: boolean; error?: ImportError }
  | {
      step: 'review';
      location: ImportLocation;
      entities: PreviewEntity[];
      busy: boolean;
      error?: ImportError;
    }
  | { step: 'finish'; location: ImportLocation; entities: PreviewEntity[] };

const asError = (error: unknown) => (error instanceof Error ? error : new Error(String(error)));

/** Select → review → finish, each step's errors kept with the step that caused them. */
export function useImportFlow(
  api: Pick<CatalogApi, 'analyzeLocation' | 'addLocation'>,
  catalogFilename?: string,
) {
  const [input, setInput] = useState('');
  const [state, setState] = useState<ImportState>({ step: 'select', busy: false });

  const analyze = useCallback(async () => {
    const parsed = parseLocationInput(input);
    if (!parsed.ok) {
      setState({ step: 'select', busy: false, error: { type: 'input', problem: parsed } });
      return;
    }
    setState({ step: 'select', busy: true });
    try {
      const analysis = await analyzeImportLocation(api, parsed.location, catalogFilename);
      if (analysis.kind === 'noEntities') {
        setState({
          step: 'select',
          busy: false,
          error: { type: 'noEntities', target: analysis.location.target },
        });
      } else {
        setState({ step: 'review', ...analysis, busy: false });
      }
    } catch (error) {
      setState({ step: 'select', busy: false, error: { type: 'analyze', error: asError(error) } });
    }
  }, [api, catalogFilename, input]);

  const register = useCallback(async () => {
    if (state.step !== 'review') return;
    const { location, entities } = state;
    setState({ ...state, busy: true, error: undefined });
    try {
      await api.addLocation({ type: location.type, target: location.target });
      setState({ step: 'finish', location, entities });
    } catch (error) {
      setState({ ...state, busy: false, error: { type: 'register', error: asError(error) } });
    }
  }, [api, state]);

  const back = useCallback(() => setState({ step: 'select', busy: false }), []);
  const restart = useCallback(() => {
    setInput('');
    setState({ step: 'select', busy: false });
  }, []);

  return { input, setInput, state, analyze, register, back, restart };
}
