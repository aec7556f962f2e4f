import { areaOf, municipalitiesOf, OTHER_AREA, REGION_AREAS, REGION_MUNICIPALITIES, regionMunicipality } from './region';

describe('the region', () => {
  it('lists every municipality once, area by area', () => {
    expect(new Set(REGION_MUNICIPALITIES).size).toBe(REGION_MUNICIPALITIES.length);
    expect(REGION_MUNICIPALITIES.slice(0, 3)).toEqual(['Oulu', 'Hailuoto', 'Haapavesi']);
    expect(municipalitiesOf('Raahe')).toEqual(Object.keys(REGION_AREAS.Raahe));
  });

  it('reads a municipality as the ERC may write it, and knows its area', () => {
    expect(regionMunicipality('  PYHÄJÄRVI ')).toBe('Pyhäjärvi');
    expect(areaOf(' pyhäjärvi')).toBe('Selänne');
    expect(areaOf('Kempele')).toBe('Oulun eteläinen');
  });

  it('puts a municipality outside the region in no area of its own', () => {
    expect(regionMunicipality('Helsinki')).toBeUndefined();
    expect(areaOf('Helsinki')).toBe(OTHER_AREA);
  });
});
