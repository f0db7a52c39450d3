import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { FacetList } from '../../../src/components/filter-bar/facet-list';

describe('FacetList', () => {
  it('says the values are being counted while they are pending, and is busy', () => {
    render(<FacetList label="OS" options={[]} pending onChange={() => undefined} />);
    const region = screen.getByRole('region', { name: 'OS' });
    expect(region).toHaveAttribute('aria-busy', 'true');
    expect(region).toHaveTextContent('Counting…');
  });

  it('says "No match" when counted values are empty', () => {
    render(<FacetList label="OS" options={[]} onChange={() => undefined} />);
    const region = screen.getByRole('region', { name: 'OS' });
    expect(region).toHaveAttribute('aria-busy', 'false');
    expect(region).toHaveTextContent('No match');
  });

  it('shows no number for a value still being counted', () => {
    render(
      <FacetList
        label="Tags"
        options={[
          { value: 'develop', count: null, selected: 'include' },
          { value: 'v1.0', count: 52, selected: null },
        ]}
        allowExclude={false}
        onChange={() => undefined}
      />,
    );
    expect(screen.getByRole('checkbox', { name: 'develop, counting' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'v1.0, 52 specs' })).not.toBeChecked();
    expect(screen.queryByText('0')).not.toBeInTheDocument();
  });

  it('lists values with counts and reports include and exclude clicks', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(
      <FacetList
        label="OS"
        options={[
          { value: 'ubuntu24.04', count: 1200, selected: null },
          { value: 'rhel8', count: 3, selected: 'include' },
        ]}
        onChange={onChange}
      />,
    );
    await user.click(screen.getByRole('checkbox', { name: 'ubuntu24.04, 1,200 specs' }));
    expect(onChange).toHaveBeenLastCalledWith('ubuntu24.04', 'include');
    expect(screen.getByRole('checkbox', { name: 'rhel8, 3 specs' })).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Exclude OS ubuntu24.04' }));
    expect(onChange).toHaveBeenLastCalledWith('ubuntu24.04', 'exclude');
  });
});
