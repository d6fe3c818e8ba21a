// TanStack Query hooks for the Share screen. Exports and imports are mutations (each one opens a
// native file dialog on the Rust side); a finished import refreshes every cached query, since a
// bundle can change any part of the plan.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  applyBundleImport,
  applyCsvImport,
  applyIcsImport,
  exportBundle,
  exportCsv,
  exportIcs,
  exportPrintCalendar,
  previewBundleImport,
  previewCsvImport,
  previewIcsImport,
  printCalendarHtml,
} from "../../lib/api";
import type { AppError, CsvFormat, ExportOptions, ImportChoice, PaperSize, PrintLayout } from "../../lib/api";

export const useExportIcs = () => useMutation({ mutationFn: (o: ExportOptions) => exportIcs(o) });
export const useExportCsv = () =>
  useMutation({ mutationFn: ({ options, format }: { options: ExportOptions; format: CsvFormat }) => exportCsv(options, format) });
/** The printable pages for the in-app preview; follows the options while `enabled`. */
export const usePrintPreview = (options: ExportOptions, layout: PrintLayout, enabled: boolean) =>
  useQuery<string, AppError>({
    queryKey: ["share", "print", options, layout],
    queryFn: () => printCalendarHtml(options, layout),
    enabled,
    placeholderData: keepPreviousData,
  });
export const useExportPrint = () =>
  useMutation({
    mutationFn: ({ options, layout, paper }: { options: ExportOptions; layout: PrintLayout; paper: PaperSize }) =>
      exportPrintCalendar(options, layout, paper),
  });
export const useExportBundle = () => useMutation({ mutationFn: () => exportBundle() });
export const usePreviewBundle = () => useMutation({ mutationFn: () => previewBundleImport() });
export const usePreviewCsv = () => useMutation({ mutationFn: () => previewCsvImport() });
export const usePreviewIcs = () => useMutation({ mutationFn: () => previewIcsImport() });

function useImport<A, T>(fn: (a: A) => Promise<T>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries() });
}
export const useApplyBundle = () => useImport((choices: ImportChoice[]) => applyBundleImport(choices));
export const useApplyCsv = () => useImport<void, Awaited<ReturnType<typeof applyCsvImport>>>(() => applyCsvImport());
export const useApplyIcs = () => useImport<void, Awaited<ReturnType<typeof applyIcsImport>>>(() => applyIcsImport());
