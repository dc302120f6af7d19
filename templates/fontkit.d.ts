declare module 'fontkit' {
  export function create(buffer: Buffer): unknown;
}
