declare module 'swagger2openapi' {
  interface ConvertOptions {
    patch?: boolean;
    warnOnly?: boolean;
    resolve?: boolean;
    direct?: boolean;
  }
  interface ConvertResult {
    openapi: unknown;
  }
  const converter: { convertObj(swagger: unknown, options: ConvertOptions): Promise<ConvertResult> };
  export default converter;
}
