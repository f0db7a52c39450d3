import 'react';

// Custom properties the components set from data (the spec table's column template), typed instead of cast.
declare module 'react' {
  interface CSSProperties {
    '--grid-cols'?: string;
  }
}
